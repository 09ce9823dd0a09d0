/**
 * Words of an instruction as BuildKit sees them after its own variable expansion, for the rules that
 * judge the expanded value (EXPOSE ports, WORKDIR paths, COPY sources). Only values the Dockerfile
 * itself gives are used: a variable that a build argument or the base image may set makes the word
 * unknown, and the rules then stay silent rather than guess.
 */
import { scanVariables, spanIn, splitWords } from '../../engine/lexer.js';
import { type InstructionNode, lookup, type Stage } from '../../engine/model.js';
import type { Span } from '../../engine/source.js';
import { expandWithDefaults } from './vars-image-ref.js';

/** The word with quotes removed and variables expanded, or null when a variable's value is not known here. */
export function expandKnown(stage: Stage, node: InstructionNode, raw: string): string | null {
  const values = new Map<string, string>();
  for (const reference of scanVariables(raw, node.escapeChar)) {
    if (reference.singleQuoted) continue;
    const value = lookup(stage, reference.name, node.index)?.value;
    // A value that refers to further variables would need a second round we do not attempt.
    if (value !== undefined && value !== null && !value.includes('$')) values.set(reference.name, value);
    else if (!reference.hasFallback) return null;
  }
  return expandWithDefaults(raw, values, node.escapeChar)?.value ?? null;
}

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
    const hasVariables = scanVariables(word.raw, node.escapeChar).some(
      (reference) => !reference.singleQuoted,
    );
    if (!hasVariables) {
      words.push({ value: word.value, raw: word.raw, span, plain: word.raw === word.value });
      continue;
    }
    const expanded = expandKnown(stage, node, word.raw);
    if (expanded === null) continue;
    for (const value of expanded.split(/[ \t\r\n]+/).filter((part) => part !== ''))
      words.push({ value, raw: word.raw, span, plain: false });
  }
  return words;
}
