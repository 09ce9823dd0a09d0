/**
 * A tiny unified-diff writer for property tests: it turns an edit script into the `patch` text GitHub
 * would send and, independently of the parser under test, records which new-file lines each hunk shows.
 * Hunks are grouped as `diff -U<context>` groups them: a kept line is shown when it is at most `context`
 * lines away from a change, and shown lines that touch form one hunk.
 */
import fc from 'fast-check';

export type EditOp = {
  readonly op: 'keep' | 'delete' | 'insert';
  readonly count: number;
  readonly text: string;
};

export interface PatchStyle {
  readonly context: number;
  readonly crlf: boolean;
  readonly finalNewline: boolean;
  readonly omitCountsOfOne: boolean;
  readonly sections: boolean;
  readonly noNewlineMarker: boolean;
}

export interface TruthLine {
  readonly hunk: number;
  readonly kind: 'added' | 'context';
}

export interface GeneratedDiff {
  readonly patch: string;
  /** Lines of the patch text, without line breaks, for mutation. */
  readonly patchLines: readonly string[];
  readonly newLineCount: number;
  readonly hunkCount: number;
  /** new-file line → the hunk showing it and how; absent when GitHub shows no such RIGHT line. */
  readonly truth: ReadonlyMap<number, TruthLine>;
}

interface Entry {
  readonly marker: ' ' | '-' | '+';
  readonly oldLine?: number;
  readonly newLine?: number;
  readonly text: string;
}

/** Texts chosen to look like diff syntax once prefixed, so the parser must rely on the prefix alone. */
const lineText = fc.constantFrom(
  'FROM alpine',
  'RUN x \\',
  '',
  '@@ -1 +1 @@',
  '\\ No newline',
  '+',
  '-',
  ' ',
);

export const editScript = fc.array(
  fc.record({
    op: fc.constantFrom('keep', 'delete', 'insert') as fc.Arbitrary<EditOp['op']>,
    count: fc.integer({ min: 1, max: 5 }),
    text: lineText,
  }),
  { maxLength: 12 },
);

export const patchStyle: fc.Arbitrary<PatchStyle> = fc.record({
  context: fc.integer({ min: 0, max: 3 }),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  omitCountsOfOne: fc.boolean(),
  sections: fc.boolean(),
  noNewlineMarker: fc.boolean(),
});

export function writeDiff(script: readonly EditOp[], style: PatchStyle): GeneratedDiff {
  const entries: Entry[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const { op, count, text } of script) {
    for (let index = 0; index < count; index++) {
      if (op === 'keep') entries.push({ marker: ' ', oldLine: ++oldLine, newLine: ++newLine, text });
      else if (op === 'delete') entries.push({ marker: '-', oldLine: ++oldLine, text });
      else entries.push({ marker: '+', newLine: ++newLine, text });
    }
  }

  // Distance of each entry to the nearest change, from both directions.
  const distance = entries.map(() => Number.POSITIVE_INFINITY);
  let sinceChange = Number.POSITIVE_INFINITY;
  entries.forEach((entry, index) => {
    sinceChange = entry.marker === ' ' ? sinceChange + 1 : 0;
    distance[index] = sinceChange;
  });
  sinceChange = Number.POSITIVE_INFINITY;
  for (let index = entries.length - 1; index >= 0; index--) {
    sinceChange = entries[index].marker === ' ' ? sinceChange + 1 : 0;
    distance[index] = Math.min(distance[index], sinceChange);
  }

  const patchLines: string[] = [];
  const truth = new Map<number, TruthLine>();
  let hunkCount = 0;
  let index = 0;
  while (index < entries.length) {
    if (distance[index] > style.context) {
      index++;
      continue;
    }
    let end = index;
    while (end < entries.length && distance[end] <= style.context) end++;
    const body = entries.slice(index, end);
    const before = entries.slice(0, index);
    const oldCount = body.filter((entry) => entry.oldLine !== undefined).length;
    const newCount = body.filter((entry) => entry.newLine !== undefined).length;
    // With no lines on a side, diff names the line before the hunk (0 at the top of the file).
    const oldStart =
      oldCount > 0
        ? firstLine(body, 'oldLine')
        : before.filter((entry) => entry.oldLine !== undefined).length;
    const newStart =
      newCount > 0
        ? firstLine(body, 'newLine')
        : before.filter((entry) => entry.newLine !== undefined).length;
    const range = (start: number, count: number): string =>
      count === 1 && style.omitCountsOfOne ? `${start}` : `${start},${count}`;
    patchLines.push(
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${style.sections ? ' FROM alpine AS base' : ''}`,
    );
    for (const entry of body) {
      patchLines.push(`${entry.marker}${entry.text}`);
      if (entry.newLine !== undefined) {
        truth.set(entry.newLine, { hunk: hunkCount, kind: entry.marker === '+' ? 'added' : 'context' });
      }
    }
    if (style.noNewlineMarker && end === entries.length) patchLines.push('\\ No newline at end of file');
    hunkCount++;
    index = end;
  }

  const lineBreak = style.crlf ? '\r\n' : '\n';
  const patch = patchLines.join(lineBreak) + (style.finalNewline && patchLines.length > 0 ? lineBreak : '');
  return { patch, patchLines, newLineCount: newLine, hunkCount, truth };
}

function firstLine(body: readonly Entry[], side: 'oldLine' | 'newLine'): number {
  const found = body.find((entry) => entry[side] !== undefined)?.[side];
  if (found === undefined) throw new Error(`no ${side} in a hunk that counts one`);
  return found;
}
