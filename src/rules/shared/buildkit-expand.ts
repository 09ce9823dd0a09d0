/**
 * Words of an instruction as BuildKit sees them after its own variable expansion, for the rules that
 * judge the expanded value (EXPOSE ports, WORKDIR paths, COPY sources). Only values the Dockerfile
 * itself gives are used: a variable that a build argument or the base image may set makes the word
 * unknown, and the rules then stay silent rather than guess.
 */
import { spanIn, splitWords } from '../../engine/lexer.js';
import type { InstructionNode, Stage } from '../../engine/model.js';
import type { Span } from '../../engine/source.js';
import { expandAt, hasVariable } from './copy-args.js';

export interface ExpandedWord {
  /** The value BuildKit works with: quotes removed, variables expanded. */
  readonly value: string;
  readonly raw: string;
  readonly span: Span;
  /** Written as plain text (no quotes, escapes or variables): a fix can rewrite `raw` directly. */
  readonly plain: boolean;
}

/**
 * The whitespace-separated words of the instruction's arguments, each expanded; a variable holding
 * several words yields several entries on the same span, as BuildKit's `ProcessWords` splits them.
 */
export function expandedWords(stage: Stage, node: InstructionNode): ExpandedWord[] {
  const words: ExpandedWord[] = [];
  for (const word of splitWords(node.args.text, node.escapeChar)) {
    const span = spanIn(node.args, word.start, word.end);
    if (!hasVariable(word.raw, node.escapeChar)) {
      words.push({ value: word.value, raw: word.raw, span, plain: word.raw === word.value });
      continue;
    }
    const expanded = expandAt(stage, node, word.raw);
    if (expanded === null) continue;
    for (const value of expanded.split(/[ \t\r\n]+/).filter((part) => part !== ''))
      words.push({ value, raw: word.raw, span, plain: false });
  }
  return words;
}
