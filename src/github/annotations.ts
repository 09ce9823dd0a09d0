/**
 * The last rung of the fallback ladder: workflow-command annotations, which need no permission. GitHub shows
 * only 10 per level per step, so findings on changed lines go first, then one notice says how many more the
 * job summary holds (github-api.md §2, §8.9).
 */
import * as core from '@actions/core';
import type { PlacedFinding } from '../review-model.js';
import { WORKFLOW_ANNOTATIONS_PER_LEVEL } from './limits.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;
const PLACEMENT_RANK = { added: 0, context: 1, file: 2, outside: 3 } as const;

export function emitAnnotations(findings: readonly PlacedFinding[]): number {
  const shown = { error: 0, warning: 0, notice: 0 };
  let hidden = 0;
  const ranked = [...findings].sort((a, b) => PLACEMENT_RANK[a.placement] - PLACEMENT_RANK[b.placement]);
  for (const placed of ranked) {
    const level = LEVEL[placed.finding.severity];
    if (shown[level] >= WORKFLOW_ANNOTATIONS_PER_LEVEL) {
      hidden++;
      continue;
    }
    shown[level]++;
    const { finding } = placed;
    // @actions/core escapes `%`, CR, LF (and `:`/`,` in properties), so Dockerfile text cannot inject commands.
    const properties = {
      title: `${finding.ruleId} (dockerfile-review)`,
      file: placed.path,
      startLine: finding.line,
      endLine: finding.endLine,
      ...(finding.line === finding.endLine
        ? { startColumn: finding.column, endColumn: finding.endColumn }
        : {}),
    };
    if (level === 'error') core.error(finding.message, properties);
    else if (level === 'warning') core.warning(finding.message, properties);
    else core.notice(finding.message, properties);
  }
  if (hidden > 0) {
    core.notice(
      `${hidden} more finding${hidden === 1 ? '' : 's'} are not shown as annotations (GitHub shows 10 per level); the job summary lists them all.`,
    );
  }
  return shown.error + shown.warning + shown.notice;
}
