/**
 * Where a finding sits relative to a pull request's diff, whether the filter mode reports it, and which
 * lines a review comment about it may name without GitHub answering 422.
 *
 * The modes and their meaning are reviewdog's (`filter/diff_filter.go`), so users can carry their
 * `filter-mode` habits over. As in reviewdog, a span counts as touched when any of its lines is: a finding
 * on a multi-line `RUN` whose middle continuation line was added is about that change.
 */
import type { FilePatch } from './patch.js';

export type FilterMode = 'added' | 'diff_context' | 'file' | 'nofilter';

export const FILTER_MODES: readonly FilterMode[] = ['added', 'diff_context', 'file', 'nofilter'];

export function isFilterMode(value: string): value is FilterMode {
  return (FILTER_MODES as readonly string[]).includes(value);
}

/**
 * - `added`: some line of the span was added by the pull request;
 * - `context`: no line was added, but some line is shown in a hunk;
 * - `file`: the file is in the pull request, but no line of the span is in a hunk (or there is no patch);
 * - `outside`: the file is not in the pull request.
 */
export type DiffPlacement = 'added' | 'context' | 'file' | 'outside';

/** 1-based new-file lines, both inclusive; `endLine` before `line` is read as a one-line span. */
export interface LineSpan {
  readonly line: number;
  readonly endLine: number;
}

/**
 * The `line` and `start_line` of a review comment, both on the RIGHT side. `startLine` is absent for a
 * single line because GitHub rejects `start_line == line` ("start line must precede the end line").
 */
export interface ReviewCommentTarget {
  readonly line: number;
  readonly startLine?: number;
}

/** The span with `endLine` repaired, or undefined when it names no line a diff could contain. */
function normalizeSpan(span: LineSpan): LineSpan | undefined {
  if (!Number.isSafeInteger(span.line) || span.line < 1) return undefined;
  const endLine = Number.isSafeInteger(span.endLine) && span.endLine > span.line ? span.endLine : span.line;
  return { line: span.line, endLine };
}

export function placeFinding(patch: FilePatch | undefined, fileInPr: boolean, span: LineSpan): DiffPlacement {
  // The path decides first: GitHub refuses any comment on a path outside the PR ("Path could not be resolved").
  if (!fileInPr) return 'outside';
  const lines = normalizeSpan(span);
  if (patch === undefined || lines === undefined) return 'file';
  let placement: DiffPlacement = 'file';
  for (const { kind } of patch.rightLinesBetween(lines.line, lines.endLine)) {
    if (kind === 'added') return 'added';
    placement = 'context';
  }
  return placement;
}

const REPORTED_PLACEMENTS: Readonly<Record<FilterMode, readonly DiffPlacement[]>> = {
  added: ['added'],
  diff_context: ['added', 'context'],
  file: ['added', 'context', 'file'],
  nofilter: ['added', 'context', 'file', 'outside'],
};

export function isReported(placement: DiffPlacement, mode: FilterMode): boolean {
  return REPORTED_PLACEMENTS[mode].includes(placement);
}

/**
 * The comment covering exactly the span, as a ```suggestion block needs: GitHub replaces lines
 * `startLine..line` with the block, so a narrower or wider target would corrupt the file. Defined only
 * when every line of the span is in one hunk (both ends in the same hunk, and hunks are contiguous on the
 * RIGHT side). Also the right target for a multi-line comment that highlights the whole finding.
 */
export function suggestionTarget(
  patch: FilePatch | undefined,
  span: LineSpan,
): ReviewCommentTarget | undefined {
  const lines = normalizeSpan(span);
  if (patch === undefined || lines === undefined) return undefined;
  const hunk = patch.hunkAt(lines.line);
  if (hunk === undefined || lines.endLine > hunk.rightEnd) return undefined;
  return lines.endLine === lines.line ? { line: lines.line } : { line: lines.endLine, startLine: lines.line };
}

/**
 * One commentable line inside the span, for a comment without a suggestion when the whole span is not
 * in one hunk. The last added line is preferred so the comment sits next to the change that caused it;
 * otherwise the last line shown in a hunk. Undefined when no line of the span is in the diff.
 */
export function singleLineTarget(
  patch: FilePatch | undefined,
  span: LineSpan,
): { readonly line: number } | undefined {
  const lines = normalizeSpan(span);
  if (patch === undefined || lines === undefined) return undefined;
  let lastShownLine: number | undefined;
  for (const { line, kind } of patch.rightLinesBetween(lines.line, lines.endLine)) {
    if (kind === 'added') return { line };
    lastShownLine ??= line;
  }
  return lastShownLine === undefined ? undefined : { line: lastShownLine };
}
