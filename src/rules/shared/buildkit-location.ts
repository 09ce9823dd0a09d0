/**
 * Where BuildKit-equivalent findings go: BuildKit places a check on the instruction's first line, so a
 * tighter span further down a continued instruction is pulled back to that line.
 */
import type { InstructionNode } from '../../engine/model.js';
import type { SourceText, Span } from '../../engine/source.js';

export function onFirstLine(source: SourceText, node: InstructionNode, span: Span): Span {
  const firstLine = source.lineIndexAt(node.span.start);
  if (source.lineIndexAt(span.start) === firstLine) return span;
  return { start: node.span.start, end: Math.min(node.span.end, source.lineEnd(firstLine)) };
}

/** 1-based line of an offset, for messages that point at another instruction. */
export function lineNumber(source: SourceText, offset: number): number {
  return source.lineIndexAt(offset) + 1;
}
