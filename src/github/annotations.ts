/**
 * The last rung of the fallback ladder: workflow-command annotations, which need no permission. GitHub shows
 * only 10 per level per step, so findings on changed lines go first, then one notice says how many more the
 * job summary holds (github-api.md §2, §8.9). That notice is itself a notice annotation: when findings are
 * held back, it takes one of the 10 notice places, so GitHub never hides it.
 */
import * as core from '@actions/core';
import type { PlacedFinding } from '../review-model.js';
import { WORKFLOW_ANNOTATIONS_PER_LEVEL } from './limits.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;
const PLACEMENT_RANK = { added: 0, context: 1, file: 2, outside: 3 } as const;

type Level = (typeof LEVEL)[keyof typeof LEVEL];

export interface AnnotationCounts {
  readonly shown: number;
  readonly held: number;
}

export function emitAnnotations(findings: readonly PlacedFinding[]): AnnotationCounts {
  const ranked = [...findings].sort(
    (a, b) =>
      PLACEMENT_RANK[a.placement] - PLACEMENT_RANK[b.placement] ||
      a.path.localeCompare(b.path) ||
      a.finding.line - b.finding.line,
  );
  const total: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const placed of ranked) total[LEVEL[placed.finding.severity]]++;
  const limit: Record<Level, number> = {
    error: WORKFLOW_ANNOTATIONS_PER_LEVEL,
    warning: WORKFLOW_ANNOTATIONS_PER_LEVEL,
    notice: WORKFLOW_ANNOTATIONS_PER_LEVEL,
  };
  const over = (level: Level) => Math.max(0, total[level] - limit[level]);
  if (over('error') + over('warning') + over('notice') > 0) limit.notice--;
  const held = over('error') + over('warning') + over('notice');

  const shown: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const placed of ranked) {
    const level = LEVEL[placed.finding.severity];
    if (shown[level] >= limit[level]) continue;
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
  if (held > 0) {
    core.notice(
      `${held} more finding${held === 1 ? ' is' : 's are'} not shown as annotations (GitHub shows ${WORKFLOW_ANNOTATIONS_PER_LEVEL} per level and step); the job summary lists every finding.`,
      { title: 'dockerfile-review' },
    );
  }
  return { shown: shown.error + shown.warning + shown.notice, held };
}
