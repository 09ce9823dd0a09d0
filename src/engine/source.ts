/**
 * The text of one Dockerfile and the only place where positions are converted.
 *
 * Inside the engine every location is a pair of UTF-16 offsets into the text (`Span`, end exclusive):
 * offsets survive slicing and joining of continuation lines without any arithmetic on lines.
 * dockerfile-ast speaks 0-based LSP positions; GitHub, SARIF and the JSON contract speak 1-based lines
 * and columns. Both conversions live here.
 *
 * Worked example for `FROM a\nCMD x\n`: the `x` is offset 11, LSP {line: 1, character: 4},
 * and 1-based {line: 2, column: 5}; its span [11, 12) becomes column 5, endColumn 6 (exclusive).
 */
import type { Position as LspPosition, Range as LspRange } from 'vscode-languageserver-types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** 1-based, end column exclusive (the convention of SARIF regions and of our JSON contract). */
export interface Location {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export class SourceText {
  readonly text: string;
  /** Offset of the first character of each line; a line ends before its `\n` (a `\r` stays part of it). */
  private readonly lineStarts: number[];

  /**
   * Line starts as LSP (and so dockerfile-ast) counts lines: a lone `\r` ends a line there too. The same array
   * as `lineStarts` unless the text has a lone `\r`; only `offsetOf` uses it.
   */
  private readonly lspLineStarts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    this.lspLineStarts = /\r(?!\n)/.test(text) ? lspLineStarts(text) : starts;
  }

  get lineCount(): number {
    // A final newline does not open a line a person would count.
    const last = this.lineStarts[this.lineStarts.length - 1];
    return last === this.text.length && this.lineStarts.length > 1
      ? this.lineStarts.length - 1
      : this.lineStarts.length;
  }

  /** 0-based index of the line holding `offset` (binary search: linear total cost for linear callers). */
  lineIndexAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  lineStart(lineIndex: number): number {
    return this.lineStarts[Math.max(0, Math.min(lineIndex, this.lineStarts.length - 1))];
  }

  /** End of a line's content, before `\r\n` or `\n`. */
  lineEnd(lineIndex: number): number {
    const next =
      lineIndex + 1 < this.lineStarts.length ? this.lineStarts[lineIndex + 1] - 1 : this.text.length;
    return next > this.lineStart(lineIndex) && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  lineText(lineIndex: number): string {
    return this.text.slice(this.lineStart(lineIndex), this.lineEnd(lineIndex));
  }

  /** The offset of a dockerfile-ast (LSP) position. */
  offsetOf(position: LspPosition): number {
    const starts = this.lspLineStarts;
    const start = starts[Math.max(0, Math.min(position.line, starts.length - 1))];
    return Math.min(start + position.character, this.text.length);
  }

  spanOf(range: LspRange): Span {
    return { start: this.offsetOf(range.start), end: this.offsetOf(range.end) };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** The single conversion from offsets to the 1-based coordinates every front end uses. */
  locate(span: Span): Location {
    const startLine = this.lineIndexAt(span.start);
    // An empty span or one ending right after a newline is reported on the line it starts on.
    const endOffset = Math.max(span.start, span.end);
    let endLine = this.lineIndexAt(endOffset);
    let endColumn = endOffset - this.lineStart(endLine) + 1;
    if (endLine > startLine && endOffset === this.lineStart(endLine)) {
      endLine -= 1;
      endColumn = this.lineEnd(endLine) - this.lineStart(endLine) + 1;
    }
    return {
      line: startLine + 1,
      column: span.start - this.lineStart(startLine) + 1,
      endLine: endLine + 1,
      endColumn,
    };
  }

  /** Span of whole lines [firstLine, lastLine] (0-based), without the final line break. */
  linesSpan(firstLine: number, lastLine: number): Span {
    return { start: this.lineStart(firstLine), end: this.lineEnd(lastLine) };
  }
}

function lspLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\r' && text[i + 1] === '\n') i++;
    if (ch === '\r' || ch === '\n') starts.push(i + 1);
  }
  return starts;
}

/** The inverse of `SourceText.locate` for one 1-based position (used to apply fixes from the JSON contract). */
export function offsetAtLocation(source: SourceText, line: number, column: number): number {
  return Math.min(source.lineStart(line - 1) + column - 1, source.text.length);
}
