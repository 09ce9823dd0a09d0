import { describe, expect, it } from 'vitest';
import {
  type DiffPlacement,
  FILTER_MODES,
  type FilterMode,
  isFilterMode,
  isReported,
  type LineSpan,
  placeFinding,
  type ReviewCommentTarget,
  singleLineTarget,
  suggestionTarget,
} from '../../src/diff/filter.js';
import { type FilePatch, parsePatch } from '../../src/diff/patch.js';
import { CONTINUATION_INSERT, DELETED_FILE, MULTI_HUNK, NEW_FILE, ZERO_CONTEXT } from './patches.js';

// MULTI_HUNK shows new lines 2–8 (5 added) and 13–17 (16 and 17 added); 9–12 lie between the hunks.
const multiHunk = parsePatch(MULTI_HUNK);
const span = (line: number, endLine: number = line): LineSpan => ({ line, endLine });

describe('placeFinding', () => {
  const cases: {
    name: string;
    patch: FilePatch | undefined;
    fileInPr?: boolean;
    span: LineSpan;
    placement: DiffPlacement;
  }[] = [
    { name: 'an added line', patch: multiHunk, span: span(5), placement: 'added' },
    { name: 'a span whose middle line was added', patch: multiHunk, span: span(4, 6), placement: 'added' },
    { name: 'a span ending on an added line', patch: multiHunk, span: span(15, 16), placement: 'added' },
    { name: 'context lines only', patch: multiHunk, span: span(2, 3), placement: 'context' },
    { name: 'context lines in two hunks', patch: multiHunk, span: span(8, 13), placement: 'context' },
    { name: 'partly between hunks', patch: multiHunk, span: span(11, 13), placement: 'context' },
    { name: 'between hunks', patch: multiHunk, span: span(9, 12), placement: 'file' },
    { name: 'before the first hunk', patch: multiHunk, span: span(1), placement: 'file' },
    { name: 'after the last hunk', patch: multiHunk, span: span(20, 25), placement: 'file' },
    { name: 'a file-level finding (line 0)', patch: multiHunk, span: span(0), placement: 'file' },
    {
      name: 'endLine before line reads as one line',
      patch: multiHunk,
      span: span(16, 3),
      placement: 'added',
    },
    { name: 'a file without a patch', patch: undefined, span: span(5), placement: 'file' },
    { name: 'a pure rename (empty patch)', patch: parsePatch(''), span: span(1), placement: 'file' },
    { name: 'a new file', patch: parsePatch(NEW_FILE), span: span(1, 3), placement: 'added' },
    { name: 'a deleted file', patch: parsePatch(DELETED_FILE), span: span(1), placement: 'file' },
    { name: 'a file outside the PR', patch: undefined, fileInPr: false, span: span(5), placement: 'outside' },
    {
      name: 'outside the PR wins over a patch',
      patch: multiHunk,
      fileInPr: false,
      span: span(5),
      placement: 'outside',
    },
  ];

  it.each(cases)('$name → $placement', ({ patch, fileInPr = true, span, placement }) => {
    expect(placeFinding(patch, fileInPr, span)).toBe(placement);
  });
});

describe('isReported', () => {
  // Rows are placements, columns the modes in FILTER_MODES order: added, diff_context, file, nofilter.
  const matrix: Record<DiffPlacement, [boolean, boolean, boolean, boolean]> = {
    added: [true, true, true, true],
    context: [false, true, true, true],
    file: [false, false, true, true],
    outside: [false, false, false, true],
  };
  const cases = Object.entries(matrix).flatMap(([placement, row]) =>
    FILTER_MODES.map((mode, column) => ({
      placement: placement as DiffPlacement,
      mode,
      reported: row[column],
    })),
  );

  it.each(cases)('$placement in mode $mode → $reported', ({ placement, mode, reported }) => {
    expect(isReported(placement, mode)).toBe(reported);
  });

  it('names the modes as reviewdog does', () => {
    expect(FILTER_MODES).toEqual(['added', 'diff_context', 'file', 'nofilter']);
    expect(FILTER_MODES.every(isFilterMode)).toBe(true);
    expect(['ADDED', 'diff-context', 'context', ''].some(isFilterMode)).toBe(false);
  });

  it('reports a finding on a context line only from diff_context on', () => {
    const placement = placeFinding(multiHunk, true, span(3));
    const modes: FilterMode[] = FILTER_MODES.filter((mode) => isReported(placement, mode));
    expect(modes).toEqual(['diff_context', 'file', 'nofilter']);
  });
});

describe('suggestionTarget', () => {
  const cases: {
    name: string;
    patch: FilePatch | undefined;
    span: LineSpan;
    target: ReviewCommentTarget | undefined;
  }[] = [
    { name: 'one added line: no start_line', patch: multiHunk, span: span(5), target: { line: 5 } },
    { name: 'one context line', patch: multiHunk, span: span(3), target: { line: 3 } },
    { name: 'a span inside one hunk', patch: multiHunk, span: span(3, 6), target: { startLine: 3, line: 6 } },
    { name: 'a whole hunk', patch: multiHunk, span: span(2, 8), target: { startLine: 2, line: 8 } },
    {
      name: 'added lines at a hunk end',
      patch: multiHunk,
      span: span(16, 17),
      target: { startLine: 16, line: 17 },
    },
    {
      name: 'a continued RUN around an inserted package',
      patch: parsePatch(CONTINUATION_INSERT),
      span: span(3, 5),
      target: { startLine: 3, line: 5 },
    },
    { name: 'a new file', patch: parsePatch(NEW_FILE), span: span(1, 3), target: { startLine: 1, line: 3 } },
    {
      name: 'endLine before line reads as one line',
      patch: multiHunk,
      span: span(17, 2),
      target: { line: 17 },
    },
    { name: 'ending after the hunk', patch: multiHunk, span: span(7, 9), target: undefined },
    { name: 'starting before the hunk', patch: multiHunk, span: span(1, 2), target: undefined },
    { name: 'across two hunks', patch: multiHunk, span: span(8, 13), target: undefined },
    { name: 'between hunks', patch: multiHunk, span: span(10, 11), target: undefined },
    { name: 'line 0', patch: multiHunk, span: span(0), target: undefined },
    { name: 'a fractional line', patch: multiHunk, span: span(4.5), target: undefined },
    { name: 'no patch', patch: undefined, span: span(5), target: undefined },
    { name: 'a deleted file', patch: parsePatch(DELETED_FILE), span: span(1), target: undefined },
    {
      name: 'a zero-context insertion and the line after it',
      patch: parsePatch(ZERO_CONTEXT),
      span: span(3, 4),
      target: undefined,
    },
  ];

  it.each(cases)('$name', ({ patch, span, target }) => {
    expect(suggestionTarget(patch, span)).toStrictEqual(target);
  });
});

describe('singleLineTarget', () => {
  const cases: { name: string; patch: FilePatch | undefined; span: LineSpan; line: number | undefined }[] = [
    { name: 'an added line in the middle beats a context end', patch: multiHunk, span: span(4, 6), line: 5 },
    { name: 'the last added line of a span across hunks', patch: multiHunk, span: span(5, 15), line: 5 },
    { name: 'the later of two added lines', patch: multiHunk, span: span(6, 16), line: 16 },
    { name: 'the last shown line when nothing was added', patch: multiHunk, span: span(2, 3), line: 3 },
    { name: 'the last shown line across hunks', patch: multiHunk, span: span(7, 14), line: 14 },
    { name: 'a span running past the last hunk', patch: multiHunk, span: span(15, 30), line: 17 },
    { name: 'a span running from a hunk into the gap', patch: multiHunk, span: span(8, 12), line: 8 },
    { name: 'between hunks', patch: multiHunk, span: span(9, 12), line: undefined },
    { name: 'before the first hunk', patch: multiHunk, span: span(1), line: undefined },
    { name: 'no patch', patch: undefined, span: span(5), line: undefined },
    { name: 'line 0', patch: multiHunk, span: span(0, 5), line: undefined },
  ];

  it.each(cases)('$name', ({ patch, span, line }) => {
    expect(singleLineTarget(patch, span)).toStrictEqual(line === undefined ? undefined : { line });
  });
});
