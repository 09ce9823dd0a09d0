/**
 * Our own reading of instruction text, where dockerfile-ast is lenient or wrong (see toolchain.md §9):
 * continuation lines, quote-aware words, variable references and the exec (JSON) form.
 * Every function here is linear in the length of its input: it runs on every instruction of files
 * that may be tens of thousands of lines long.
 */
import type { Span } from './source.js';

/**
 * One instruction's argument text as Docker sees it: escaped newlines removed, and comment lines
 * inside a continuation dropped (Docker strips them before parsing). `offsetAt(i)` is the source
 * offset of `text[i]`; `offsetAt(text.length)` is the end of the span, so spans map back exactly.
 */
export interface LogicalText {
  readonly text: string;
  offsetAt(index: number): number;
}

/**
 * Where each contiguous run of source characters starts, in the text and in the source: a RUN of 40
 * continued lines has 40 runs, where one offset per character cost more than reading the text.
 */
interface Runs {
  readonly textStarts: number[];
  readonly sourceStarts: number[];
}

function runOffset(runs: Runs, index: number): number {
  const { textStarts, sourceStarts } = runs;
  let low = 0;
  let high = textStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (textStarts[middle] <= index) low = middle;
    else high = middle - 1;
  }
  return sourceStarts[low] + index - textStarts[low];
}

export function logicalText(source: string, span: Span, escapeChar: string): LogicalText {
  const parts: string[] = [];
  const runs: Runs = { textStarts: [], sourceStarts: [] };
  let length = 0;
  // The run being read: source[runStart, i) is kept text.
  let runStart = span.start;
  const endRun = (at: number) => {
    if (at > runStart) {
      parts.push(source.slice(runStart, at));
      runs.textStarts.push(length);
      runs.sourceStarts.push(runStart);
      length += at - runStart;
    }
  };
  let i = span.start;
  let atLineStart = false;
  while (i < span.end) {
    if (atLineStart) {
      // Inside a continuation, a line whose first non-blank character is `#` is a comment,
      // and an empty line is dropped (BuildKit's NoEmptyContinuation warns about those).
      let j = i;
      while (j < span.end && (source[j] === ' ' || source[j] === '\t')) j++;
      if (source[j] === '#' || source[j] === '\n' || (source[j] === '\r' && source[j + 1] === '\n')) {
        const newline = source.indexOf('\n', j);
        if (newline === -1 || newline >= span.end) {
          runStart = span.end;
          break;
        }
        i = newline + 1;
        runStart = i;
        continue;
      }
      atLineStart = false;
    }
    if (source[i] === escapeChar) {
      // An escape followed by optional blanks and a line break continues the instruction.
      let j = i + 1;
      while (j < span.end && (source[j] === ' ' || source[j] === '\t')) j++;
      if (source[j] === '\r' && source[j + 1] === '\n') j++;
      if (source[j] === '\n' || j >= span.end) {
        endRun(i);
        i = j + 1;
        runStart = i;
        atLineStart = true;
        continue;
      }
    }
    i++;
  }
  endRun(Math.min(i, span.end));
  const text = parts.length === 1 ? parts[0] : parts.join('');
  const end = span.end;
  return {
    text,
    offsetAt: (index) => (index >= text.length ? end : runOffset(runs, index)),
  };
}

/**
 * An instruction's arguments as dockerfile-ast's `getArguments()` delimits them, read from the source text in one
 * pass: the logical text of `span` (which starts right after the keyword) without its first `skipWords` words
 * (the flags the library already split off) and without blanks at either end. Asking the library instead costs a
 * full re-tokenisation, with an object per word, on every call (toolchain.md §7.11): most of the model's time.
 * `cut`, when given, ends the text there (untrimmed) if that comes first: the line of a heredoc's opener.
 */
export function argumentsText(
  source: string,
  span: Span,
  escapeChar: string,
  skipWords: number,
  cut = Number.POSITIVE_INFINITY,
): LogicalText {
  const whole = logicalText(source, span, escapeChar);
  const text = whole.text;
  let start = 0;
  for (let word = 0; ; word++) {
    while (start < text.length && isBlank(text[start])) start++;
    if (word === skipWords || start >= text.length) break;
    while (start < text.length && !isBlank(text[start])) start++;
  }
  let end = text.length;
  while (end > start && isBlank(text[end - 1])) end--;
  if (end === start) return { text: '', offsetAt: () => span.end };
  let endOffset = whole.offsetAt(end - 1) + 1;
  if (cut < endOffset) {
    // Keep what lies before the cut, blanks included, as the library's range clipped at the cut would.
    while (end > start && whole.offsetAt(end - 1) >= cut) end--;
    endOffset = Math.max(cut, whole.offsetAt(start));
  }
  const length = end - start;
  return {
    text: text.slice(start, end),
    offsetAt: (index) => (index >= length ? endOffset : whole.offsetAt(start + index)),
  };
}

export function spanIn(logical: LogicalText, start: number, end: number): Span {
  const startOffset = logical.offsetAt(start);
  // The end of a span is just past its last character, which may sit before a removed continuation.
  const endOffset = end > start ? logical.offsetAt(end - 1) + 1 : startOffset;
  return { start: startOffset, end: endOffset };
}

export interface Word {
  /** The word with quotes removed and escapes resolved, as the shell or Docker would pass it. */
  readonly value: string;
  /** Indexes into the logical text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The raw text of the word, quotes included. */
  readonly raw: string;
}

/**
 * Splits on unquoted whitespace, as Docker's ARG/ENV/LABEL parser and a POSIX shell do.
 * Unterminated quotes run to the end of the text instead of failing: the caller reports syntax,
 * this function only reads.
 */
export function splitWords(text: string, escapeChar: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isBlank(text[i])) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quote: string | null = null;
    while (i < text.length && (quote !== null || !isBlank(text[i]))) {
      const ch = text[i];
      if (quote === null && (ch === '"' || ch === "'")) {
        quote = ch;
      } else if (quote !== null && ch === quote) {
        quote = null;
      } else if (ch === escapeChar && quote !== "'" && i + 1 < text.length) {
        value += text[i + 1];
        i++;
      } else {
        // A run of characters that change nothing here, taken as one slice.
        let j = i + 1;
        while (j < text.length && isPlainIn(text[j], quote, escapeChar)) j++;
        value += j === i + 1 ? ch : text.slice(i, j);
        i = j;
        continue;
      }
      i++;
    }
    words.push({ value, start, end: i, raw: text.slice(start, i) });
  }
  return words;
}

function isPlainIn(ch: string, quote: string | null, escapeChar: string): boolean {
  if (quote !== null) return ch !== quote && ch !== escapeChar;
  return ch !== '"' && ch !== "'" && ch !== escapeChar && !isBlank(ch);
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

export interface VariableRef {
  readonly name: string;
  /** The whole reference, `$X` or `${X:-d}`, as indexes into the scanned text. */
  readonly start: number;
  readonly end: number;
  /** `-`, `:-`, `+`, `:+`, `?`, `:?`, `#`, `##`, `%`, `%%`, `/`, `//`, or empty. */
  readonly modifier: string;
  /** Whether the reference gives a value when the variable is unset (`${X:-d}`, `${X-d}`, `${X:+d}`). */
  readonly hasFallback: boolean;
  /** Inside single quotes: a shell would not expand it, and neither does Docker's own expansion. */
  readonly singleQuoted: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Finds `$NAME` and `${NAME...}` references. `\$` (with the file's escape character) and `$$`
 * are not references. Special parameters (`$1`, `$@`, `$?`) are skipped: they are the shell's,
 * never a Dockerfile variable. Nested references inside a `${X:-$Y}` default are found too.
 */
export function scanVariables(text: string, escapeChar: string): VariableRef[] {
  const refs: VariableRef[] = [];
  if (!text.includes('$')) return refs;
  let inSingle = false;
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escapeChar && !inSingle) {
      i++;
      continue;
    }
    if (ch === "'" && !inDouble) inSingle = !inSingle;
    else if (ch === '"' && !inSingle) inDouble = !inDouble;
    if (ch !== '$') continue;
    const next = text[i + 1];
    if (next === '$') {
      i++;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      refs.push({
        name: text.slice(i + 1, j),
        start: i,
        end: j,
        modifier: '',
        hasFallback: false,
        singleQuoted: inSingle,
      });
      i = j - 1;
    } else if (next === '{') {
      let j = i + 2;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      const name = text.slice(i + 2, j);
      const modifierMatch = /^(:?[-+?=]|##?|%%?|\/\/?)/.exec(text.slice(j, j + 2));
      const modifier = modifierMatch ? modifierMatch[0] : '';
      const close = findClosingBrace(text, j);
      if (name !== '' && NAME_START.test(name[0])) {
        const hasFallback = modifier === ':-' || modifier === '-' || modifier === ':=' || modifier === '=';
        refs.push({ name, start: i, end: close + 1, modifier, hasFallback, singleQuoted: inSingle });
      }
      // Continue inside the braces so `${A:-$B}` also reports B.
      i = j - 1;
    }
  }
  return refs;
}

function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let k = from; k < text.length; k++) {
    if (text[k] === '{') depth++;
    else if (text[k] === '}' && --depth === 0) return k;
  }
  return text.length - 1;
}

/** Docker's choice between exec and shell form, made the way BuildKit makes it: a JSON array of strings or not. */
export type CommandForm =
  | {
      readonly kind: 'exec';
      readonly argv: readonly string[];
      readonly elements: readonly { start: number; end: number }[];
    }
  | { readonly kind: 'shell'; readonly script: string }
  | { readonly kind: 'invalid-exec'; readonly script: string; readonly problem: string };

export function commandForm(text: string): CommandForm {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return { kind: 'shell', script: trimmed };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    return { kind: 'invalid-exec', script: trimmed, problem: describeJsonProblem(trimmed, error) };
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    return { kind: 'invalid-exec', script: trimmed, problem: 'the array holds something other than strings' };
  }
  return { kind: 'exec', argv: parsed, elements: jsonStringTokens(text) };
}

function describeJsonProblem(text: string, error: unknown): string {
  if (/^\[\s*'/.test(text) || /,\s*'/.test(text)) return 'it uses single quotes; JSON needs double quotes';
  if (/,\s*\]\s*$/.test(text)) return 'it has a trailing comma';
  const close = closingBracketOfArray(text);
  if (close !== -1 && text.slice(close + 1).trim() !== '') return 'there is text after the closing bracket';
  if (close === -1) return 'the closing bracket is missing';
  if (/"\s+"/.test(text)) return 'a comma is missing between two strings';
  return `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
}

/** Index of the `]` closing the array that starts the text, skipping brackets inside strings; -1 if none. */
export function closingBracketOfArray(text: string): number {
  let inString = false;
  let depth = 0;
  for (let i = text.indexOf('['); i !== -1 && i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Positions of the top-level string literals of a JSON array already known to parse. */
function jsonStringTokens(text: string): { start: number; end: number }[] {
  const tokens: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    const start = i;
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    tokens.push({ start, end: i + 1 });
  }
  return tokens;
}
