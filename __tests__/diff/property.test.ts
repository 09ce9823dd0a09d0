/**
 * The invariant the review poster relies on: a target from src/diff never names a line GitHub would
 * reject with 422 ("line must be part of the diff", "start line must be part of the same hunk",
 * "start line must precede the end line"). Checked against diffs written by an independent generator,
 * against those diffs with damaged bodies, and against arbitrary text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineSpan, placeFinding, singleLineTarget, suggestionTarget } from '../../src/diff/filter.js';
import { type FilePatch, parsePatch } from '../../src/diff/patch.js';
import { editScript, patchStyle, type TruthLine, writeDiff } from './generated-diff.js';

const RUNS = { seed: 20_260_611, numRuns: 300 } as const;

/** Every span from just before line 1 to just past the end, up to five lines long. */
function spansAround(newLineCount: number): LineSpan[] {
  const spans: LineSpan[] = [];
  for (let line = -1; line <= newLineCount + 2; line++) {
    for (let length = 0; length < 5; length++) spans.push({ line, endLine: line + length });
  }
  return spans;
}

/**
 * Asserts that every target lies on RIGHT lines of a single hunk of `shown`, which maps a new-file line to
 * the hunk GitHub shows it in. Returns nothing; a failed expectation fails the property.
 */
function expectTargetsInside(
  patch: FilePatch,
  spans: readonly LineSpan[],
  shown: (line: number) => number | undefined,
) {
  for (const span of spans) {
    const suggestion = suggestionTarget(patch, span);
    if (suggestion !== undefined) {
      const startLine = suggestion.startLine ?? suggestion.line;
      // A suggestion replaces exactly start_line..line, so anything but the span would corrupt the file.
      expect([startLine, suggestion.line]).toEqual([span.line, Math.max(span.line, span.endLine)]);
      if (suggestion.startLine !== undefined) expect(suggestion.startLine).toBeLessThan(suggestion.line);
      const hunk = shown(suggestion.line);
      expect(hunk).toBeDefined();
      for (let line = startLine; line <= suggestion.line; line++) expect(shown(line)).toBe(hunk);
    }
    const single = singleLineTarget(patch, span);
    if (single !== undefined) {
      expect(single.line).toBeGreaterThanOrEqual(span.line);
      expect(single.line).toBeLessThanOrEqual(Math.max(span.line, span.endLine));
      expect(shown(single.line)).toBeDefined();
    }
  }
}

/** Hunk index by a linear scan of the parsed hunks: deliberately not the binary search under test. */
function shownByParsedHunks(patch: FilePatch): (line: number) => number | undefined {
  return (line) => {
    const index = patch.hunks.findIndex((hunk) => hunk.rightStart <= line && line <= hunk.rightEnd);
    return index === -1 ? undefined : index;
  };
}

const generatedDiff = fc.tuple(editScript, patchStyle).map(([script, style]) => writeDiff(script, style));

describe('on diffs from an independent writer', () => {
  it('reads every RIGHT line as the writer wrote it', () => {
    fc.assert(
      fc.property(generatedDiff, (diff) => {
        const patch = parsePatch(diff.patch);
        expect(patch.problems).toEqual([]);
        expect(patch.hunks).toHaveLength(diff.hunkCount);
        for (let line = 0; line <= diff.newLineCount + 1; line++) {
          const truth = diff.truth.get(line);
          expect(patch.kindAt(line)).toBe(truth?.kind);
          const hunk = patch.hunkAt(line);
          expect(hunk === undefined ? undefined : patch.hunks.indexOf(hunk)).toBe(truth?.hunk);
        }
      }),
      RUNS,
    );
  });

  it('aims targets only at lines the writer put in one hunk, and offers them whenever it can', () => {
    fc.assert(
      fc.property(generatedDiff, (diff) => {
        const patch = parsePatch(diff.patch);
        const spans = spansAround(diff.newLineCount);
        expectTargetsInside(patch, spans, (line) => diff.truth.get(line)?.hunk);
        for (const span of spans) {
          const lines: (TruthLine | undefined)[] = [];
          for (let line = span.line; line <= span.endLine; line++) lines.push(diff.truth.get(line));
          const inOneHunk =
            span.line >= 1 && lines.every((truth) => truth !== undefined && truth.hunk === lines[0]?.hunk);
          expect(suggestionTarget(patch, span) !== undefined).toBe(inOneHunk);
          const shownAny = span.line >= 1 && lines.some((truth) => truth !== undefined);
          expect(singleLineTarget(patch, span) !== undefined).toBe(shownAny);
          const addedAny = span.line >= 1 && lines.some((truth) => truth?.kind === 'added');
          expect(placeFinding(patch, true, span)).toBe(addedAny ? 'added' : shownAny ? 'context' : 'file');
          if (addedAny) expect(diff.truth.get(singleLineTarget(patch, span)?.line ?? 0)?.kind).toBe('added');
        }
      }),
      RUNS,
    );
  });
});

type Damage = {
  readonly kind: 'drop' | 'duplicate' | 'reprefix';
  readonly at: number;
  readonly prefix: string;
};

const damages = fc.array(
  fc.record({
    kind: fc.constantFrom('drop', 'duplicate', 'reprefix') as fc.Arbitrary<Damage['kind']>,
    at: fc.nat(),
    prefix: fc.constantFrom(' ', '+', '-', '\\', '', 'x'),
  }),
  { minLength: 1, maxLength: 3 },
);

/** Damages body lines only: with headers intact, what the parser keeps must stay inside the true hunks. */
function damage(patchLines: readonly string[], changes: readonly Damage[]): string {
  const lines = [...patchLines];
  for (const { kind, at, prefix } of changes) {
    const bodyIndexes = lines.flatMap((line, index) => (line.startsWith('@@') ? [] : [index]));
    if (bodyIndexes.length === 0) break;
    const index = bodyIndexes[at % bodyIndexes.length];
    if (kind === 'drop') lines.splice(index, 1);
    else if (kind === 'duplicate') lines.splice(index, 0, lines[index]);
    else lines[index] = prefix + lines[index].slice(1);
  }
  return lines.join('\n');
}

describe('on damaged or arbitrary text', () => {
  it('keeps targets inside the true hunks when hunk bodies are damaged', () => {
    fc.assert(
      fc.property(generatedDiff, damages, (diff, changes) => {
        const patch = parsePatch(damage(diff.patchLines, changes));
        expectTargetsInside(patch, spansAround(diff.newLineCount), (line) => diff.truth.get(line)?.hunk);
      }),
      RUNS,
    );
  });

  const patchLikeLine = fc.oneof(
    fc
      .tuple(fc.nat(6), fc.option(fc.nat(4)), fc.nat(6), fc.option(fc.nat(4)))
      .map(
        ([oldStart, oldCount, newStart, newCount]) =>
          `@@ -${oldStart}${oldCount === null ? '' : `,${oldCount}`} +${newStart}${newCount === null ? '' : `,${newCount}`} @@`,
      ),
    fc.constantFrom(' FROM a', '+RUN b', '-CMD c', '', '\\ No newline at end of file', '@@', '@@ -1 +1 @@\r'),
    fc.string({ maxLength: 8 }),
  );

  it('never throws, and keeps hunks ordered, within their headers, and targets inside them', () => {
    fc.assert(
      fc.property(fc.array(patchLikeLine, { maxLength: 30 }), fc.boolean(), (lines, crlf) => {
        const patch = parsePatch(lines.join(crlf ? '\r\n' : '\n'));
        let previousEnd = 0;
        for (const hunk of patch.hunks) {
          expect(hunk.rightLines.length).toBeLessThanOrEqual(hunk.newCount);
          expect(hunk.rightEnd).toBe(hunk.rightStart + hunk.rightLines.length - 1);
          if (hunk.rightLines.length > 0) {
            expect(hunk.rightStart).toBe(hunk.newStart);
            expect(hunk.rightStart).toBeGreaterThan(previousEnd);
            previousEnd = hunk.rightEnd;
          }
        }
        expectTargetsInside(patch, spansAround(12), shownByParsedHunks(patch));
      }),
      RUNS,
    );
  });
});
