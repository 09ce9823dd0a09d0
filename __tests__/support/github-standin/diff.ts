/**
 * Patch computation and hunk bookkeeping. The stand-in computes `patch` itself, from the fixture's
 * base and head contents, so tests exercise the action against the same kind of text GitHub sends
 * (git's unified format, 3 lines of context, `@@` headers with git's default function context)
 * instead of patches hand-written to match the code under test.
 */
import { createHash } from 'node:crypto';
import { diffLines, structuredPatch } from 'diff';

export type Side = 'LEFT' | 'RIGHT';

export interface Row {
  kind: '+' | '-' | ' ' | '\\';
  oldNo?: number;
  newNo?: number;
}

export interface Hunk {
  /** The `@@ -a,b +c,d @@ ...` line. */
  header: string;
  /** Header plus body lines, in patch order. */
  lines: string[];
  /** New-file line numbers of `+` and context lines (commentable on RIGHT). */
  right: Set<number>;
  /** Old-file line numbers of `-` and context lines (commentable on LEFT). */
  left: Set<number>;
  added: Set<number>;
  /** Diff position (GitHub's legacy `position`) of the header line; body lines follow it. */
  headerPosition: number;
  /** One entry per body line (after the header): its kind and old/new line numbers. */
  rows: Row[];
}

export interface FilePatch {
  /** Exactly what GitHub puts in `patch`: hunks joined by "\n", no trailing newline. */
  patch: string;
  hunks: Hunk[];
  additions: number;
  deletions: number;
}

/** git's blob id, so `sha` in diff entries and contents responses is what git itself would compute. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function lineCount(text: string): number {
  if (text === '') return 0;
  const parts = text.split('\n');
  return text.endsWith('\n') ? parts.length - 1 : parts.length;
}

/** git treats content with a NUL byte as binary; GitHub then sends no `patch`. */
export function isBinary(text: string): boolean {
  return text.includes('\0');
}

/**
 * git's default funcname rule (xdiff `def_ff`): the nearest line above the hunk that starts with a
 * letter, `_` or `$`, cut to 80 bytes and right-trimmed. For Dockerfiles that is the instruction
 * above the hunk, which is what GitHub shows after the second `@@`.
 */
function funcName(oldLines: string[], firstOldIndex: number): string {
  for (let i = firstOldIndex - 1; i >= 0; i--) {
    const line = oldLines[i] ?? '';
    if (/^[A-Za-z_$]/.test(line)) {
      return Buffer.from(line, 'utf8').subarray(0, 80).toString('utf8').replace(/\s+$/, '');
    }
  }
  return '';
}

/** git omits the count when it is 1 and, for an empty range, names the line before it. */
function range(start: number, count: number): string {
  const s = count === 0 ? start - 1 : start;
  return count === 1 ? `${s}` : `${s},${count}`;
}

export function computePatch(oldText: string, newText: string): FilePatch {
  const structured = structuredPatch('a', 'b', oldText, newText, undefined, undefined, { context: 3 });
  const oldLines = oldText.split('\n');
  const chunks: string[] = [];
  for (const h of structured.hunks) {
    const fn = funcName(oldLines, h.oldStart - 1);
    const header = `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@${fn ? ` ${fn}` : ''}`;
    chunks.push([header, ...h.lines].join('\n'));
  }
  const patch = chunks.join('\n');
  const hunks = parsePatch(patch);
  let additions = 0;
  let deletions = 0;
  for (const h of structured.hunks) {
    for (const l of h.lines) {
      if (l.startsWith('+')) additions++;
      else if (l.startsWith('-')) deletions++;
    }
  }
  return { patch, hunks, additions, deletions };
}

/**
 * Parses a GitHub `patch` into hunks with the line sets a review comment may target. This mirrors
 * what GitHub checks before it accepts a comment (see github-api.md §1.5).
 */
export function parsePatch(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  if (!patch) return hunks;
  let current: Hunk | undefined;
  let oldNo = 0;
  let newNo = 0;
  // Position 1 is the line below the first header; later headers take a position of their own.
  let position = 0;
  for (const line of patch.split('\n')) {
    const m = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (m) {
      if (current) position++;
      current = {
        header: line,
        lines: [line],
        right: new Set(),
        left: new Set(),
        added: new Set(),
        headerPosition: position,
        rows: [],
      };
      hunks.push(current);
      oldNo = Number(m[1]);
      newNo = Number(m[2]);
      continue;
    }
    if (!current) continue;
    position++;
    current.lines.push(line);
    if (line.startsWith('\\')) {
      current.rows.push({ kind: '\\' });
    } else if (line.startsWith('+')) {
      current.right.add(newNo);
      current.added.add(newNo);
      current.rows.push({ kind: '+', newNo });
      newNo++;
    } else if (line.startsWith('-')) {
      current.left.add(oldNo);
      current.rows.push({ kind: '-', oldNo });
      oldNo++;
    } else {
      current.right.add(newNo);
      current.left.add(oldNo);
      current.rows.push({ kind: ' ', oldNo, newNo });
      newNo++;
      oldNo++;
    }
  }
  return hunks;
}

/**
 * Maps each unchanged line of `oldText` to its number in `newText` (1-based). Used after a push to
 * move comments whose code did not change, as GitHub does, and to outdate the others.
 */
export function unchangedLineMap(oldText: string, newText: string): Map<number, number> {
  const map = new Map<number, number>();
  let oldNo = 1;
  let newNo = 1;
  for (const change of diffLines(oldText, newText)) {
    const n = change.count ?? lineCount(change.value);
    if (change.added) newNo += n;
    else if (change.removed) oldNo += n;
    else {
      for (let i = 0; i < n; i++) map.set(oldNo + i, newNo + i);
      oldNo += n;
      newNo += n;
    }
  }
  return map;
}

export function hunkIndexOf(hunks: Hunk[], line: number, side: Side): number {
  return hunks.findIndex((h) => (side === 'RIGHT' ? h.right : h.left).has(line));
}

/** Index into `hunk.rows` of the body line a (line, side) comment sits on. */
function rowIndexOf(hunk: Hunk, line: number, side: Side): number {
  return hunk.rows.findIndex((r) =>
    side === 'RIGHT' ? r.kind !== '-' && r.newNo === line : r.kind !== '+' && r.oldNo === line,
  );
}

/** GitHub's legacy diff `position` of a (line, side), or undefined when it is not in the diff. */
export function positionOf(hunks: Hunk[], line: number, side: Side): number | undefined {
  const h = hunks[hunkIndexOf(hunks, line, side)];
  if (!h) return undefined;
  const i = rowIndexOf(h, line, side);
  return i < 0 ? undefined : h.headerPosition + i + 1;
}

/** Inverse of positionOf, for comments posted with the legacy `position` field. */
export function anchorAtPosition(hunks: Hunk[], position: number): { line: number; side: Side } | undefined {
  for (const h of hunks) {
    const row = h.rows[position - h.headerPosition - 1];
    if (!row) continue;
    if (row.kind === '-' && row.oldNo !== undefined) return { side: 'LEFT', line: row.oldNo };
    if ((row.kind === '+' || row.kind === ' ') && row.newNo !== undefined)
      return { side: 'RIGHT', line: row.newNo };
    return undefined;
  }
  return undefined;
}

/** GitHub's `diff_hunk` for a comment: the hunk from its header down to the commented line. */
export function diffHunkFor(hunks: Hunk[], line: number, side: Side): string {
  const h = hunks[hunkIndexOf(hunks, line, side)];
  if (!h) return '';
  const i = rowIndexOf(h, line, side);
  return h.lines.slice(0, i + 2).join('\n');
}
