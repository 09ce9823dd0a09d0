/**
 * Reading bracketed text that is not JSON the way its author meant it: an exec-form array written with a
 * small mistake (single quotes, a trailing or missing comma, an unquoted word, text after `]`). Docker
 * runs such text through the shell; this module says what is wrong and, when the intent is clear, which
 * edits make it the JSON array the author meant. It also recognises the shell's own `[ ... ]` test
 * command, which legitimately starts a shell-form RUN or CMD.
 */
import { splitWords } from '../../engine/lexer.js';
import { plainWords } from './commands.js';

export interface TextEdit {
  /** Indexes into the analysed text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ArrayReading {
  /** What is wrong, for a message, in the order found. Empty when this reader found nothing specific. */
  readonly problems: readonly string[];
  /** Edits that give a JSON array of strings (checked by parsing the result), or null when the intent is unclear. */
  readonly edits: readonly TextEdit[] | null;
  /** `safe` when the edits only swap quote characters or drop a trailing comma: nothing is guessed. */
  readonly safety: 'safe' | 'unsafe';
}

const SINGLE_QUOTES = 'it uses single quotes; JSON needs double quotes';
const TRAILING_COMMA = 'it has a trailing comma';
const MISSING_COMMA = 'a comma is missing between two elements';
const MISSING_CLOSE = 'the closing `]` is missing';
const EMPTY_ELEMENT = 'it has an empty element between two commas';
const NESTED = 'it nests brackets or braces';
const UNCLOSED_STRING = 'a string is not closed';
const PLAIN_WORD = /^[\w./:@%+=-]+$/;
const JSON_ESCAPE = /["\\/bfnrtu]/;

/** Reads `text` (which starts with `[` after blanks) as an attempted JSON array of strings. */
export function readPseudoArray(text: string): ArrayReading {
  const problems = new Set<string>();
  const edits: TextEdit[] = [];
  let guessed = false;
  let clear = true;
  const elementEnds: number[] = [];
  let i = skipBlanks(text, 0) + 1;
  let expectingElement = true;
  let lastComma = -1;
  let close = -1;

  while (true) {
    i = skipBlanks(text, i);
    if (i >= text.length) break;
    const ch = text[i];
    if (ch === ']') {
      if (lastComma !== -1 && expectingElement) {
        problems.add(TRAILING_COMMA);
        edits.push({ start: lastComma, end: lastComma + 1, text: '' });
      }
      close = i;
      break;
    }
    if (ch === ',') {
      if (expectingElement) {
        problems.add(EMPTY_ELEMENT);
        clear = false;
      }
      expectingElement = true;
      lastComma = i;
      i++;
      continue;
    }
    if (ch === '[' || ch === '{') {
      problems.add(NESTED);
      clear = false;
      break;
    }
    if (!expectingElement) {
      // `["a" "b"]`: in Python the two literals would join into one string, so the comma is a guess;
      // without a blank between them (`'it''s'`) joining is the likelier intent, and no guess is made.
      problems.add(MISSING_COMMA);
      guessed = true;
      const previousEnd = elementEnds[elementEnds.length - 1];
      if (previousEnd === i) clear = false;
      edits.push({ start: previousEnd, end: previousEnd, text: ',' });
    }
    let end: number;
    if (ch === '"') {
      end = i + 1;
      while (end < text.length && text[end] !== '"') {
        if (text[end] === '\\') {
          const escaped = text[end + 1] ?? '';
          if (!JSON_ESCAPE.test(escaped)) {
            problems.add(`\`\\${escaped}\` is not a JSON escape; JSON writes a backslash as \`\\\\\``);
            clear = false;
          }
          end++;
        }
        end++;
      }
      if (end >= text.length) {
        problems.add(UNCLOSED_STRING);
        clear = false;
        break;
      }
      end++;
    } else if (ch === "'") {
      const closing = text.indexOf("'", i + 1);
      if (closing === -1) {
        problems.add(UNCLOSED_STRING);
        clear = false;
        break;
      }
      problems.add(SINGLE_QUOTES);
      // A quote or backslash inside would need escaping, and what the author meant by it is unclear.
      if (/["\\]/.test(text.slice(i + 1, closing))) clear = false;
      edits.push({ start: i, end: i + 1, text: '"' }, { start: closing, end: closing + 1, text: '"' });
      end = closing + 1;
    } else {
      end = i;
      while (end < text.length && !/[\s,[\]"'{}]/.test(text[end])) end++;
      const word = text.slice(i, end);
      problems.add(`\`${word}\` is not in double quotes`);
      guessed = true;
      if (PLAIN_WORD.test(word)) edits.push({ start: i, end, text: JSON.stringify(word) });
      else clear = false;
    }
    elementEnds.push(end);
    expectingElement = false;
    i = end;
  }

  if (close === -1 && clear) {
    problems.add(MISSING_CLOSE);
    // `["a",` followed by nothing is usually an array continued on the next line without `\`: no guess.
    if (expectingElement) clear = false;
    else {
      guessed = true;
      const lastEnd = elementEnds[elementEnds.length - 1] ?? skipBlanks(text, 0) + 1;
      edits.push({ start: lastEnd, end: lastEnd, text: ']' });
    }
  } else if (close !== -1) {
    const rest = text.slice(close + 1).trim();
    if (rest !== '') {
      problems.add(
        rest.startsWith('#')
          ? 'it is followed by a comment, but Dockerfiles have no end-of-line comments'
          : `it is followed by \`${truncate(rest)}\``,
      );
      const words = rest.startsWith('#') ? null : plainWords(rest);
      if (words) {
        // `["python", "app.py"] --port 80`: the likely intent is more arguments.
        guessed = true;
        const restStart = text.indexOf(rest, close + 1);
        const added = words.map((word) => JSON.stringify(word)).join(', ');
        edits.push(
          { start: close, end: close, text: elementEnds.length > 0 ? `, ${added}` : added },
          { start: close + 1, end: restStart + rest.length, text: '' },
        );
      } else clear = false;
    }
  }

  const merged = clear ? mergeEdits(edits) : null;
  const checked = merged && parsesAsStrings(applyEdits(text, merged)) ? merged : null;
  return { problems: [...problems], edits: checked, safety: guessed ? 'unsafe' : 'safe' };
}

/**
 * Whether text starting with `[` is the shell's test command (`[ -f /x ] && ...`, `[ "$A" = b ]`,
 * `[[ ... ]]`) rather than an attempted exec-form array: `[` must be a word of its own, and its operands
 * must not be comma-separated or all constant strings (a test of constants tests nothing).
 */
export function isShellTest(text: string): boolean {
  const words = splitWords(text, '\\');
  if (words[0]?.raw === '[[') return true;
  if (words[0]?.raw !== '[') return false;
  const close = words.findIndex((word) => word.raw === ']');
  const operands = words.slice(1, close === -1 ? undefined : close);
  if (operands.length === 0) return false;
  if (operands.some((word) => word.raw.endsWith(',') || word.raw.startsWith(','))) return false;
  return !operands.every((word) => /^(["']).*\1$/.test(word.raw) && !word.raw.includes('$'));
}

/** A PowerShell line starting with a type literal (`[Environment]::SetEnvironmentVariable(...)`). */
export function isPowerShellTypeLiteral(text: string): boolean {
  return /^\s*\[[\w.`]+(\[\])?\]::/.test(text);
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function truncate(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Joins edits that touch, so that an insertion and a replacement at the same place apply as one. */
function mergeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && edit.start <= previous.end)
      merged[merged.length - 1] = {
        start: previous.start,
        end: Math.max(previous.end, edit.end),
        text: previous.text + edit.text,
      };
    else merged.push(edit);
  }
  return merged;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function parsesAsStrings(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text.trim());
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}
