/**
 * Applying fixes: edits sorted from the end of the file backwards, overlapping edits skipped (the next
 * pass picks them up after a re-lint), repeated until nothing changes or a pass limit is hit.
 * Safe fixes only, unless unsafe ones are asked for.
 */
import { type LintOptions, lintText } from './lint.js';
import { offsetAtLocation, SourceText } from './source.js';
import type { Finding, FixSafety } from './types.js';

export interface FixOptions extends LintOptions {
  readonly unsafe?: boolean;
}

export interface FixResult {
  readonly text: string;
  readonly applied: number;
  readonly passes: number;
}

const MAX_PASSES = 10;

export function applyFixes(text: string, options: FixOptions): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const result = lintText(current, options);
    const { text: next, count } = applyFindingFixes(result.source.text, result.findings, allowed(options));
    passes++;
    if (count === 0 || next === result.source.text) break;
    applied += count;
    // lintText drops a leading byte order mark; keep the user's.
    current = current.startsWith('\uFEFF') ? `\uFEFF${next}` : next;
  }
  return { text: current, applied, passes };
}

function allowed(options: FixOptions): ReadonlySet<FixSafety> {
  return new Set<FixSafety>(options.unsafe ? ['safe', 'unsafe'] : ['safe']);
}

/** One pass: every non-overlapping fix of the findings, applied to the text they were computed on. */
export function applyFindingFixes(
  text: string,
  findings: readonly Finding[],
  safeties: ReadonlySet<FixSafety>,
): { text: string; count: number } {
  const source = new SourceText(text);
  const fixes = findings
    .filter((finding) => finding.fix && safeties.has(finding.fix.safety))
    .map((finding) =>
      (finding.fix?.edits ?? []).map((edit) => ({
        start: offsetAtLocation(source, edit.line, edit.column),
        end: offsetAtLocation(source, edit.endLine, edit.endColumn),
        text: edit.text,
      })),
    )
    .filter((edits) => edits.length > 0)
    .sort((a, b) => a[0].start - b[0].start);
  const accepted: { start: number; end: number; text: string }[] = [];
  let lastEnd = -1;
  for (const edits of fixes) {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    if (sorted[0].start < lastEnd) continue; // overlaps an accepted fix: the next pass re-lints and retries
    accepted.push(...sorted);
    lastEnd = Math.max(...sorted.map((edit) => edit.end));
  }
  let out = text;
  for (const edit of accepted.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out, count: fixes.length === 0 ? 0 : countFixes(fixes, accepted) };
}

function countFixes(fixes: { start: number }[][], accepted: { start: number }[]): number {
  const starts = new Set(accepted.map((edit) => edit.start));
  return fixes.filter((edits) => starts.has(edits[0].start)).length;
}
