/**
 * The key/value pairs of a LABEL instruction, read as Docker reads them: `LABEL k=v k2="v 2"`, or the legacy
 * `LABEL key value with spaces` (everything after the key is its value). Keys and values keep their raw text
 * and spans, and say whether a variable supplies part of them (then the text cannot be judged before a build).
 */
import { scanVariables, spanIn, splitWords } from '../../engine/lexer.js';
import type { InstructionNode, Stage } from '../../engine/model.js';
import type { Span } from '../../engine/source.js';

export interface LabelText {
  /** Quotes removed and escapes resolved. */
  readonly value: string;
  readonly raw: string;
  readonly span: Span;
  /** A variable supplies part of the text: its value is known only at build time. */
  readonly variable: boolean;
}

export interface LabelPair {
  readonly node: InstructionNode;
  readonly key: LabelText;
  readonly value: LabelText;
}

/** The LABEL instructions of a stage, ONBUILD LABEL triggers included only when asked (they label child images). */
export function stageLabels(stage: Stage, { triggers }: { triggers: boolean }): InstructionNode[] {
  const labels: InstructionNode[] = [];
  for (const node of stage.instructions) {
    if (node.keyword === 'LABEL') labels.push(node);
    else if (triggers && node.trigger?.keyword === 'LABEL') labels.push(node.trigger);
  }
  return labels;
}

/** Four label rules read every LABEL: its pairs are read once per instruction. */
const pairsByNode = new WeakMap<InstructionNode, readonly LabelPair[]>();

export function labelPairs(node: InstructionNode): readonly LabelPair[] {
  let pairs = pairsByNode.get(node);
  if (!pairs) {
    pairs = readLabelPairs(node);
    pairsByNode.set(node, pairs);
  }
  return pairs;
}

function readLabelPairs(node: InstructionNode): LabelPair[] {
  const escapeChar = node.escapeChar;
  const words = splitWords(node.args.text, escapeChar);
  if (words.length === 0) return [];
  const text = (raw: string, start: number, end: number): LabelText => ({
    value: splitWords(raw, escapeChar)
      .map((word) => word.value)
      .join(' '),
    raw,
    span: spanIn(node.args, start, end),
    variable: scanVariables(raw, escapeChar).some((reference) => !reference.singleQuoted),
  });
  const first = words[0];
  if (unquotedEquals(first.raw, escapeChar) === -1) {
    // Legacy form: the first word is the key, the rest of the text its value.
    const rest = node.args.text.slice(first.end);
    const offset = first.end + (rest.length - rest.trimStart().length);
    const raw = node.args.text.slice(offset).trimEnd();
    return [
      { node, key: text(first.raw, first.start, first.end), value: text(raw, offset, offset + raw.length) },
    ];
  }
  const pairs: LabelPair[] = [];
  for (const word of words) {
    const equals = unquotedEquals(word.raw, escapeChar);
    // Docker refuses a word without `=` after the first pair: a syntax error, not a label to judge.
    if (equals <= 0) continue;
    const valueStart = word.start + equals + 1;
    pairs.push({
      node,
      key: text(word.raw.slice(0, equals), word.start, word.start + equals),
      value: text(word.raw.slice(equals + 1), valueStart, word.end),
    });
  }
  return pairs;
}

/** The index of the first `=` outside quotes, or -1. */
export function unquotedEquals(raw: string, escapeChar: string): number {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === escapeChar && quote !== "'") i++;
    else if (quote === null && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = null;
    else if (quote === null && ch === '=') return i;
  }
  return -1;
}
