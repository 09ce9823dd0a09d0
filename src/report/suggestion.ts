/**
 * Turning a fix (column-precise edits) into a GitHub ```suggestion: whole lines, because a suggestion
 * replaces the commented lines `startLine..line` as a block (github-api.md §3). The prefix of the first
 * line and the suffix of the last are kept, so only the fix changes.
 */
import { offsetAtLocation, type SourceText } from '../engine/source.js';
import type { Finding } from '../engine/types.js';

export interface LineSuggestion {
  /** 1-based, inclusive: the lines the suggestion replaces. */
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

export function lineSuggestion(
  source: SourceText,
  fix: NonNullable<Finding['fix']>,
): LineSuggestion | undefined {
  if (fix.edits.length === 0) return undefined;
  const firstLine = Math.min(...fix.edits.map((edit) => edit.line));
  const lastLine = Math.max(...fix.edits.map((edit) => edit.endLine));
  const start = source.lineStart(firstLine - 1);
  const end = source.lineEnd(lastLine - 1);
  let text = source.text.slice(start, end);
  const edits = fix.edits
    .map((edit) => ({
      start: offsetAtLocation(source, edit.line, edit.column) - start,
      end: offsetAtLocation(source, edit.endLine, edit.endColumn) - start,
      text: edit.text,
    }))
    .sort((a, b) => b.start - a.start);
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  // Keep the file's line endings inside the block: GitHub applies it verbatim.
  return { line: firstLine, endLine: lastLine, text: text.replace(/\r\n/g, '\n') };
}
