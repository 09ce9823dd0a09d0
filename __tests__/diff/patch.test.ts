import { describe, expect, it } from 'vitest';
import { type FilePatch, parsePatch } from '../../src/diff/patch.js';
import {
  CONTINUATION_INSERT,
  COUNTS_OMITTED,
  DELETED_FILE,
  MULTI_HUNK,
  MULTI_HUNK_CRLF,
  NEW_FILE,
  NO_NEWLINE_CONTEXT,
  NO_NEWLINE_OLD_SIDE,
  ZERO_CONTEXT,
} from './patches.js';

interface HunkOutline {
  header: [oldStart: number, oldCount: number, newStart: number, newCount: number];
  right: [start: number, end: number];
  added: number[];
}

/** The parts of a hunk a review comment depends on, in a form a table can spell out. */
function outline(patch: FilePatch): HunkOutline[] {
  return patch.hunks.map((hunk) => ({
    header: [hunk.oldStart, hunk.oldCount, hunk.newStart, hunk.newCount],
    right: [hunk.rightStart, hunk.rightEnd],
    added: hunk.rightLines.flatMap((kind, index) => (kind === 'added' ? [hunk.rightStart + index] : [])),
  }));
}

describe('parsePatch on patches GitHub returns', () => {
  const cases: { name: string; patch: string; hunks: HunkOutline[] }[] = [
    {
      name: 'two hunks of a modified file',
      patch: MULTI_HUNK,
      hunks: [
        { header: [2, 7, 2, 7], right: [2, 8], added: [5] },
        { header: [13, 4, 13, 5], right: [13, 17], added: [16, 17] },
      ],
    },
    {
      name: 'the same patch with CRLF line breaks and a final newline',
      patch: MULTI_HUNK_CRLF,
      hunks: [
        { header: [2, 7, 2, 7], right: [2, 8], added: [5] },
        { header: [13, 4, 13, 5], right: [13, 17], added: [16, 17] },
      ],
    },
    {
      name: 'a new file without a final newline',
      patch: NEW_FILE,
      hunks: [{ header: [0, 0, 1, 3], right: [1, 3], added: [1, 2, 3] }],
    },
    {
      name: 'a deleted file: no RIGHT lines',
      patch: DELETED_FILE,
      hunks: [{ header: [1, 3, 0, 0], right: [1, 0], added: [] }],
    },
    {
      name: '"\\ No newline" after a deleted line',
      patch: NO_NEWLINE_OLD_SIDE,
      hunks: [{ header: [1, 2, 1, 2], right: [1, 2], added: [2] }],
    },
    {
      name: '"\\ No newline" after a context line',
      patch: NO_NEWLINE_CONTEXT,
      hunks: [{ header: [1, 2, 1, 2], right: [1, 2], added: [1] }],
    },
    {
      name: 'counts of 1 omitted',
      patch: COUNTS_OMITTED,
      hunks: [{ header: [1, 1, 1, 1], right: [1, 1], added: [1] }],
    },
    {
      name: 'an insertion inside a continued RUN, section text after the header',
      patch: CONTINUATION_INSERT,
      hunks: [{ header: [3, 2, 3, 3], right: [3, 5], added: [4] }],
    },
    {
      name: 'zero-context hunks: the deletion sits after its newStart',
      patch: ZERO_CONTEXT,
      hunks: [
        { header: [2, 0, 3, 1], right: [3, 3], added: [3] },
        { header: [4, 1, 4, 0], right: [5, 4], added: [] },
      ],
    },
    { name: 'an empty patch (a pure rename)', patch: '', hunks: [] },
    { name: 'a lone newline', patch: '\n', hunks: [] },
    {
      name: 'an empty context line whose space was stripped, as git apply allows',
      patch: ['@@ -1,3 +1,3 @@', ' FROM a', '', '-RUN b', '+RUN c'].join('\n'),
      hunks: [{ header: [1, 3, 1, 3], right: [1, 3], added: [3] }],
    },
  ];

  it.each(cases)('$name', ({ patch, hunks }) => {
    const parsed = parsePatch(patch);
    expect(parsed.problems).toEqual([]);
    expect(parsed.malformed).toBe(false);
    expect(outline(parsed)).toEqual(hunks);
  });

  it('keeps the section text of a header', () => {
    expect(parsePatch(MULTI_HUNK).hunks.map((hunk) => hunk.section)).toEqual([
      '',
      'COPY --from=build /app/dist ./dist',
    ]);
  });
});

describe('parsePatch on text that is not a clean patch', () => {
  const cases: { name: string; patch: string; hunks: HunkOutline[]; problems: [number, RegExp][] }[] = [
    {
      name: 'plain text',
      patch: 'hello\nworld',
      hunks: [],
      problems: [[1, /before the first hunk/]],
    },
    {
      name: 'a full git diff: the file header is reported once, the hunk kept',
      patch: [
        'diff --git a/Dockerfile b/Dockerfile',
        'index 3b18e51..a0b1c2d 100644',
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1 +1 @@',
        '-FROM a',
        '+FROM b',
      ].join('\n'),
      hunks: [{ header: [1, 1, 1, 1], right: [1, 1], added: [1] }],
      problems: [[1, /before the first hunk/]],
    },
    {
      name: 'an unreadable header: its body is skipped, the next hunk kept',
      patch: ['@@ -a,b +c,d @@', '+FROM x', '@@ -1 +1 @@', '-A', '+B'].join('\n'),
      hunks: [{ header: [1, 1, 1, 1], right: [1, 1], added: [1] }],
      problems: [[1, /not a hunk header/]],
    },
    {
      name: 'a combined-diff header',
      patch: ['@@@ -1,2 -1,2 +1,3 @@@', '++FROM x'].join('\n'),
      hunks: [],
      problems: [[1, /not a hunk header/]],
    },
    {
      name: 'a hunk cut short keeps the lines it has',
      patch: ['@@ -1,5 +1,5 @@', ' FROM a', '-RUN b', '+RUN c'].join('\n'),
      hunks: [{ header: [1, 5, 1, 5], right: [1, 2], added: [2] }],
      problems: [[5, /ends before/]],
    },
    {
      name: 'more added lines than counted',
      patch: ['@@ -1 +1 @@', '-A', '+B', '+C', '+D'].join('\n'),
      hunks: [{ header: [1, 1, 1, 1], right: [1, 1], added: [1] }],
      problems: [[4, /text after the end of a hunk/]],
    },
    {
      name: 'more context lines than the new side counts',
      patch: ['@@ -1,2 +1,1 @@', '-A', ' B', ' C'].join('\n'),
      hunks: [{ header: [1, 2, 1, 1], right: [1, 1], added: [] }],
      problems: [[4, /text after the end of a hunk/]],
    },
    {
      name: 'an added line where the header left only deletions',
      patch: ['@@ -1,2 +1,1 @@', ' A', '+B', '-C'].join('\n'),
      hunks: [{ header: [1, 2, 1, 1], right: [1, 1], added: [] }],
      problems: [[3, /more added lines/]],
    },
    {
      name: 'an unknown prefix stops the hunk: later numbers would be guesses',
      patch: ['@@ -1,3 +1,3 @@', ' FROM a', '*RUN b', ' CMD c'].join('\n'),
      hunks: [{ header: [1, 3, 1, 3], right: [1, 1], added: [] }],
      problems: [[3, /unexpected line/]],
    },
    {
      name: 'overlapping hunks: the later one is dropped',
      patch: ['@@ -1,2 +1,2 @@', ' A', '+B', '-b', '@@ -2,2 +2,2 @@', ' B', ' C'].join('\n'),
      hunks: [{ header: [1, 2, 1, 2], right: [1, 2], added: [2] }],
      problems: [[5, /overlaps or precedes/]],
    },
    {
      name: 'hunks out of order: the later one is dropped',
      patch: ['@@ -10 +10 @@', '-A', '+B', '@@ -1 +1 @@', '-C', '+D'].join('\n'),
      hunks: [{ header: [10, 1, 10, 1], right: [10, 10], added: [10] }],
      problems: [[4, /overlaps or precedes/]],
    },
    {
      name: 'a RIGHT side starting at line 0 with lines',
      patch: ['@@ -1 +0,1 @@', '-A', '+B'].join('\n'),
      hunks: [],
      problems: [[1, /line 0/]],
    },
    {
      name: 'numbers beyond safe integers',
      patch: ['@@ -1 +99999999999999999999 @@', '+A'].join('\n'),
      hunks: [],
      problems: [[1, /too large/]],
    },
  ];

  it.each(cases)('$name', ({ patch, hunks, problems }) => {
    const parsed = parsePatch(patch);
    expect(parsed.malformed).toBe(true);
    expect(outline(parsed)).toEqual(hunks);
    expect(parsed.problems.map((problem) => problem.patchLine)).toEqual(problems.map(([line]) => line));
    parsed.problems.forEach((problem, index) => {
      expect(problem.message).toMatch(problems[index][1]);
    });
  });

  it('reports a long run of garbage once', () => {
    const parsed = parsePatch(Array.from({ length: 10_000 }, (_, index) => `junk ${index}`).join('\n'));
    expect(parsed.problems).toHaveLength(1);
  });

  it('survives a megabyte-long header-like line', () => {
    const parsed = parsePatch(`@@ -${'1'.repeat(1_000_000)} +1 @@\n+A`);
    expect(parsed.hunks).toEqual([]);
    expect(parsed.malformed).toBe(true);
  });

  it('parses a patch of 300 000 lines in one pass', () => {
    const hunkCount = 10_000;
    const body: string[] = [];
    for (let index = 0; index < hunkCount; index++) {
      const start = index * 10 + 1;
      body.push(`@@ -${start},2 +${start},2 @@`, ' FROM a', '+RUN b', '-RUN c');
    }
    const started = performance.now();
    const parsed = parsePatch(body.join('\n'));
    const elapsed = performance.now() - started;
    expect(parsed.malformed).toBe(false);
    expect(parsed.hunks).toHaveLength(hunkCount);
    expect(parsed.kindAt((hunkCount - 1) * 10 + 2)).toBe('added');
    // A generous bound: a quadratic parser takes minutes here, a linear one milliseconds.
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('FilePatch lookups', () => {
  const patch = parsePatch(MULTI_HUNK);

  it.each([
    [1, undefined],
    [2, 'context'],
    [5, 'added'],
    [8, 'context'],
    [9, undefined],
    [12, undefined],
    [13, 'context'],
    [16, 'added'],
    [17, 'added'],
    [18, undefined],
    [0, undefined],
    [-3, undefined],
    [2.5, undefined],
  ] as const)('line %d is %s', (line, kind) => {
    expect(patch.kindAt(line)).toBe(kind);
    expect(patch.hunkAt(line) === undefined).toBe(kind === undefined);
  });

  it('finds the hunk before a zero-context deletion that starts right after it', () => {
    const zeroContext = parsePatch(ZERO_CONTEXT);
    expect(zeroContext.hunkAt(3)?.newStart).toBe(3);
    expect(zeroContext.hunkAt(4)).toBeUndefined();
  });

  it('lists RIGHT lines of a range from the last, skipping lines between hunks', () => {
    expect([...patch.rightLinesBetween(7, 14)]).toEqual([
      { line: 14, kind: 'context' },
      { line: 13, kind: 'context' },
      { line: 8, kind: 'context' },
      { line: 7, kind: 'context' },
    ]);
    expect([...patch.rightLinesBetween(9, 12)]).toEqual([]);
    expect([...patch.rightLinesBetween(16, 100)].map(({ line }) => line)).toEqual([17, 16]);
  });
});
