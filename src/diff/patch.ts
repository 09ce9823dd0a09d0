/**
 * The `patch` of one pull-request file (`pulls.listFiles`), reduced to what a review comment needs:
 * which new-file (RIGHT side) lines GitHub shows in a hunk, and whether each one was added or is context.
 *
 * GitHub only accepts review comments on those lines ("line must be part of the diff"), and a multi-line
 * comment only when both ends sit in the same hunk. Everything here is conservative on purpose: when the
 * text does not look like a diff, the parser keeps only the lines it could number with certainty and says
 * so through `malformed`, so that no caller ever aims a comment at a line GitHub does not have.
 *
 * Worked example: the patch
 *
 *     @@ -1,2 +1,3 @@ FROM node:20
 *      FROM node:20
 *     -RUN npm i
 *     +RUN npm ci
 *     +USER node
 *
 * gives one hunk with RIGHT lines 1..3: line 1 `context`, lines 2 and 3 `added`.
 */

/** What a new-file line inside a hunk is: written by the pull request, or shown around a change. */
export type RightLineKind = 'added' | 'context';

export interface Hunk {
  /** The header as written, `@@ -oldStart,oldCount +newStart,newCount @@ section` (an omitted count is 1). */
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
  readonly section: string;
  /** First new-file line of the hunk; with no RIGHT lines (a pure deletion) the range is empty. */
  readonly rightStart: number;
  /** Last new-file line of the hunk, inclusive; `rightEnd < rightStart` when the hunk has no RIGHT lines. */
  readonly rightEnd: number;
  /** Kind of each new-file line `rightStart + index`: only lines the body really contained. */
  readonly rightLines: readonly RightLineKind[];
}

export interface PatchProblem {
  /** 1-based line of the patch text where parsing gave up on the current hunk. */
  readonly patchLine: number;
  readonly message: string;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

export class FilePatch {
  /** Hunks in patch order, new-file ranges increasing and disjoint (the parser drops any that are not). */
  readonly hunks: readonly Hunk[];
  /**
   * True when some of the text was not a well-formed hunk. What is in `hunks` stays usable: a damaged body
   * only ever shortens a hunk, never moves its lines. A wrong header cannot be detected, so a caller that
   * wants no risk at all may treat a malformed patch like a missing one.
   */
  readonly malformed: boolean;
  readonly problems: readonly PatchProblem[];
  /** Hunks that own RIGHT lines, for binary search: pure deletions would break the ordering by start. */
  private readonly hunksWithRightLines: readonly Hunk[];

  constructor(hunks: readonly Hunk[], problems: readonly PatchProblem[]) {
    this.hunks = hunks;
    this.problems = problems;
    this.malformed = problems.length > 0;
    this.hunksWithRightLines = hunks.filter((hunk) => hunk.rightLines.length > 0);
  }

  /** The hunk that shows new-file `line` on its RIGHT side, if any. */
  hunkAt(line: number): Hunk | undefined {
    if (!Number.isInteger(line)) return undefined;
    const candidate = this.lastHunkStartingAtOrBefore(line);
    return candidate !== undefined && line <= candidate.rightEnd ? candidate : undefined;
  }

  kindAt(line: number): RightLineKind | undefined {
    const hunk = this.hunkAt(line);
    return hunk?.rightLines[line - hunk.rightStart];
  }

  /**
   * RIGHT lines within [firstLine, lastLine], last line first, so that callers looking for the line nearest
   * the end of a span can stop early. Costs the lines visited plus a binary search, never the span's length.
   */
  *rightLinesBetween(firstLine: number, lastLine: number): Generator<{ line: number; kind: RightLineKind }> {
    const first = Math.ceil(firstLine);
    const last = Math.floor(lastLine);
    for (let index = this.lastHunkIndexStartingAtOrBefore(last); index >= 0; index--) {
      const hunk = this.hunksWithRightLines[index];
      if (hunk.rightEnd < first) return;
      const from = Math.max(first, hunk.rightStart);
      for (let line = Math.min(last, hunk.rightEnd); line >= from; line--) {
        yield { line, kind: hunk.rightLines[line - hunk.rightStart] };
      }
    }
  }

  private lastHunkStartingAtOrBefore(line: number): Hunk | undefined {
    const index = this.lastHunkIndexStartingAtOrBefore(line);
    return index >= 0 ? this.hunksWithRightLines[index] : undefined;
  }

  private lastHunkIndexStartingAtOrBefore(line: number): number {
    let low = 0;
    let high = this.hunksWithRightLines.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.hunksWithRightLines[mid].rightStart <= line) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }
}

interface HunkHeader {
  readonly oldStart: number;
  readonly oldCount: number;
  readonly newStart: number;
  readonly newCount: number;
  readonly section: string;
}

/** Parses a header, or says why it cannot be trusted (a wrong start would shift every line after it). */
function parseHunkHeader(text: string): HunkHeader | string {
  const match = HUNK_HEADER.exec(text);
  if (match === null) return 'not a hunk header';
  const [, oldStartText, oldCountText, newStartText, newCountText, rest] = match;
  const oldStart = Number(oldStartText);
  const oldCount = oldCountText === undefined ? 1 : Number(oldCountText);
  const newStart = Number(newStartText);
  const newCount = newCountText === undefined ? 1 : Number(newCountText);
  if (![oldStart + oldCount, newStart + newCount].every(Number.isSafeInteger)) {
    return 'hunk header numbers are too large';
  }
  // Line 0 only names the position before the first line, which only an empty side may do.
  if ((oldStart === 0 && oldCount > 0) || (newStart === 0 && newCount > 0)) {
    return 'hunk header starts at line 0 but has lines';
  }
  return { oldStart, oldCount, newStart, newCount, section: rest.startsWith(' ') ? rest.slice(1) : rest };
}

/** Accumulates one hunk while its body is read; counts down what the header promised. */
class HunkBuilder {
  readonly header: HunkHeader;
  /** Where the header stands in the patch, to point problems about the whole hunk at it. */
  readonly headerPatchLine: number;
  readonly rightLines: RightLineKind[] = [];
  oldRemaining: number;
  newRemaining: number;

  constructor(header: HunkHeader, headerPatchLine: number) {
    this.header = header;
    this.headerPatchLine = headerPatchLine;
    this.oldRemaining = header.oldCount;
    this.newRemaining = header.newCount;
  }

  get complete(): boolean {
    return this.oldRemaining === 0 && this.newRemaining === 0;
  }

  /** Takes one body line; returns why not when it does not fit the header (the caller then stops the hunk). */
  accept(line: string): string | undefined {
    const marker = line.length === 0 ? ' ' : line[0];
    switch (marker) {
      case '+':
        if (this.newRemaining === 0) return 'more added lines than the hunk header counts';
        this.rightLines.push('added');
        this.newRemaining--;
        return undefined;
      case '-':
        if (this.oldRemaining === 0) return 'more deleted lines than the hunk header counts';
        this.oldRemaining--;
        return undefined;
      case ' ':
        // An empty line counts as context, as in `git apply`: some tools strip the lone space.
        if (this.oldRemaining === 0 || this.newRemaining === 0) {
          return 'more context lines than the hunk header counts';
        }
        this.rightLines.push('context');
        this.oldRemaining--;
        this.newRemaining--;
        return undefined;
      default:
        return `unexpected line in a hunk (starts with ${JSON.stringify(marker)})`;
    }
  }

  build(): Hunk {
    const { oldStart, oldCount, newStart, newCount, section } = this.header;
    // An empty RIGHT side sits after line newStart; starting the empty range there keeps ranges ordered.
    const rightStart = newCount === 0 ? newStart + 1 : newStart;
    return {
      oldStart,
      oldCount,
      newStart,
      newCount,
      section,
      rightStart,
      rightEnd: rightStart + this.rightLines.length - 1,
      rightLines: this.rightLines,
    };
  }
}

/**
 * Parses the `patch` field of a pull-request file. Never throws: text it cannot read is reported in
 * `problems`, and the lines of a hunk after the first unreadable one are dropped, because their numbers
 * would be guesses. One pass over the text.
 */
export function parsePatch(patch: string): FilePatch {
  const hunks: Hunk[] = [];
  const problems: PatchProblem[] = [];
  let current: HunkBuilder | undefined;
  // After a problem the rest of the hunk is skipped silently, so garbage costs one problem, not thousands.
  let skippingToNextHeader = false;
  let lastRightEnd = 0;

  const finishHunk = (patchLine: number): void => {
    if (current === undefined) return;
    if (!current.complete && !skippingToNextHeader) {
      problems.push({ patchLine, message: 'hunk ends before the line counts of its header are reached' });
    }
    const hunk = current.build();
    const { headerPatchLine } = current;
    current = undefined;
    if (hunk.rightLines.length === 0) {
      hunks.push(hunk);
    } else if (hunk.rightStart > lastRightEnd) {
      hunks.push(hunk);
      lastRightEnd = hunk.rightEnd;
    } else {
      // GitHub never emits overlapping or unordered hunks; if one appears, neither copy can be trusted more.
      problems.push({
        patchLine: headerPatchLine,
        message: 'hunk overlaps or precedes an earlier hunk; dropped',
      });
    }
  };

  const text = patch.endsWith('\n') ? patch.slice(0, -1) : patch;
  const lines = text.length === 0 ? [] : text.split('\n');
  let sawTextBeforeFirstHunk = false;

  for (let index = 0; index < lines.length; index++) {
    const patchLine = index + 1;
    const rawLine = lines[index];
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;

    if (line.startsWith('@@')) {
      finishHunk(patchLine);
      skippingToNextHeader = false;
      const header = parseHunkHeader(line);
      if (typeof header === 'string') {
        problems.push({ patchLine, message: header });
        skippingToNextHeader = true;
      } else {
        current = new HunkBuilder(header, patchLine);
      }
      continue;
    }
    if (skippingToNextHeader) continue;
    // "\ No newline at end of file" qualifies the line before it and has no line number of its own.
    if (line.startsWith('\\')) continue;

    if (current === undefined || current.complete) {
      // Blank lines between or before hunks carry nothing; anything else is not part of a GitHub patch.
      if (line.length > 0 && !(current === undefined && sawTextBeforeFirstHunk)) {
        problems.push({
          patchLine,
          message:
            current === undefined ? 'text before the first hunk header' : 'text after the end of a hunk',
        });
        if (current === undefined) sawTextBeforeFirstHunk = true;
        else skippingToNextHeader = true;
      }
      continue;
    }

    const refusal = current.accept(line);
    if (refusal !== undefined) {
      problems.push({ patchLine, message: refusal });
      skippingToNextHeader = true;
    }
  }
  finishHunk(lines.length + 1);
  return new FilePatch(hunks, problems);
}
