/**
 * How the COPY / ADD rules read their instruction: the source and destination words (shell or JSON form,
 * heredoc sources marked), what kind of source a word is (remote, archive, local), and the value of a word
 * after Docker expands the ARG/ENV values visible at that line. Every function is linear in the text it reads.
 */
import { commandForm, scanVariables, spanIn, splitWords } from '../../engine/lexer.js';
import { type Flag, type InstructionNode, lookup, type Stage } from '../../engine/model.js';
import type { Span } from '../../engine/source.js';
import { expandWithDefaults } from './vars-image-ref.js';

export interface PathWord {
  /** Quotes removed and escapes resolved, variables not expanded. */
  readonly value: string;
  readonly raw: string;
  readonly span: Span;
  /** `<<EOF`: the source is the heredoc body written in the Dockerfile. */
  readonly heredoc: boolean;
}

export interface CopyArguments {
  readonly sources: readonly PathWord[];
  /** Null when the instruction has fewer than two words (Docker refuses it; not these rules' finding). */
  readonly destination: PathWord | null;
  readonly json: boolean;
}

/** Sources and destination of a COPY or ADD, read as Docker reads them: a JSON array of strings, or words. */
export function copyArguments(node: InstructionNode): CopyArguments {
  const text = node.args.text;
  const form = commandForm(text);
  let words: PathWord[];
  if (form.kind === 'exec') {
    words = form.argv.map((value, i) => {
      const element = form.elements[i];
      return {
        value,
        raw: text.slice(element.start, element.end),
        span: spanIn(node.args, element.start, element.end),
        heredoc: false,
      };
    });
  } else {
    const hasHeredocs = node.heredocs.length > 0;
    words = splitWords(text, node.escapeChar).map((word) => ({
      value: word.value,
      raw: word.raw,
      span: spanIn(node.args, word.start, word.end),
      heredoc: hasHeredocs && word.raw.startsWith('<<'),
    }));
  }
  if (words.length < 2) return { sources: [], destination: null, json: form.kind === 'exec' };
  return { sources: words.slice(0, -1), destination: words[words.length - 1], json: form.kind === 'exec' };
}

export function flagNamed(node: InstructionNode, name: string): Flag | undefined {
  return node.flags.find((flag) => flag.name === name);
}

/** From the keyword to the end of the argument line: the instruction without its heredoc bodies. */
export function commandLineSpan(node: InstructionNode): Span {
  const end =
    node.args.text.length > 0 ? spanIn(node.args, 0, node.args.text.length).end : node.keywordSpan.end;
  return { start: node.keywordSpan.start, end: Math.max(end, node.keywordSpan.end) };
}

/** `http(s)://` URLs and git sources (`git@host:repo`, `git://`, `ssh://`): only ADD can fetch them. */
export function isRemoteSource(value: string): boolean {
  return /^(?:https?:\/\/|git:\/\/|ssh:\/\/|git@[^:/\s]+:)/i.test(value);
}

/**
 * Names ADD treats as archives to unpack: hadolint's list, plus zstd, which BuildKit also unpacks.
 * `.zip` is not among them: ADD copies a zip file as it is.
 */
const ARCHIVE_EXTENSIONS = [
  '.tar',
  '.z',
  '.bz2',
  '.gz',
  '.lz',
  '.lzma',
  '.tz',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.tgz',
  '.tlz',
  '.tpz',
  '.txz',
  '.xz',
  '.zst',
  '.tzst',
];

export function isArchiveName(value: string): boolean {
  const lower = value.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** `C:\app`, `c:/app`: absolute on Windows. */
export function isWindowsDrivePath(value: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(value);
}

/**
 * The word after Docker's expansion with the ARG/ENV values visible at the instruction, or null when a
 * variable has no value we can know (an ARG without default, the base image's ENV, a build argument).
 */
export function expandAt(stage: Stage, node: InstructionNode, raw: string): string | null {
  const values = new Map<string, string>();
  for (const reference of scanVariables(raw, node.escapeChar)) {
    if (reference.singleQuoted) continue;
    const value = lookup(stage, reference.name, node.index)?.value;
    if (value !== undefined && value !== null) values.set(reference.name, value);
    else if (!reference.hasFallback) return null;
  }
  const expanded = expandWithDefaults(raw, values, node.escapeChar);
  // A value that itself holds a variable would need a second expansion we do not attempt.
  if (expanded === null || expanded.value.includes('$')) return null;
  return expanded.value;
}

export function hasVariable(raw: string, escapeChar: string): boolean {
  return scanVariables(raw, escapeChar).some((reference) => !reference.singleQuoted);
}
