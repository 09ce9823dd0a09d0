/**
 * RUN commands read as a shell reads them, with mvdan/sh's parser (the `mvdan-sh` package): simple commands
 * with their words unquoted, and whether they are piped. The script of a `sh -c "..."` word is not read here:
 * the rules that follow it (`sh-levels`, `pkg-commands`) read it with its own text, so that positions inside
 * it stay exact. Rules see this small model, never the parser's syntax tree.
 *
 * Chosen by measurement (2026-11-30, this machine): mvdan-sh parses a typical 140-character RUN in ~170 µs,
 * synchronously; sh-syntax (the same parser as WASM) costs ~3 ms per call because of its async bridge, which
 * only amortises when scripts are batched. Scripts are parsed once and memoised, and only when a rule asks.
 *
 * mvdan-sh is 1.5 MB of GopherJS that takes ~100 ms to evaluate, more than everything else the action loads, so
 * it is not imported statically: `loadShellParser()` (through `prepareEngine()`) loads it, and the bundler
 * puts it in a chunk of its own. The action awaits it after its first API request, the CLI before linting;
 * parsing before that throws, which the engine reports as an `internal-error` finding, never a silent pass.
 */

import type shModule from 'mvdan-sh';
import type { CallExpr, Node, Word, WordPart } from 'mvdan-sh';
import { quickParse } from './shell-fast.js';

export interface ShellWord {
  /** The word after quote removal, or null when it depends on expansion (`$X`, `$(...)`, globs are kept literal). */
  readonly value: string | null;
  /** Offsets into the script, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface SimpleCommand {
  /** The program: the first word's value, or null when it is not a literal. Basename not taken. */
  readonly name: string | null;
  /** The words after the program. */
  readonly args: readonly ShellWord[];
  /** Names assigned before the program (`DEBIAN_FRONTEND=noninteractive apt-get ...`). */
  readonly assignments: readonly { name: string; value: string | null }[];
  readonly start: number;
  readonly end: number;
  /** Part of a pipeline with another command (`a | b`). */
  readonly piped: boolean;
}

export interface ShellScript {
  readonly commands: readonly SimpleCommand[];
  /** Whether any pipeline (`|` or `|&`) occurs. */
  readonly hasPipe: boolean;
  /** The parser's message when the script is not valid shell; commands then hold what could be read (none). */
  readonly error: string | null;
}

// mvdan/sh's BinCmdOperator values, as GopherJS exposes them: `&&` 10, `||` 11, `|` 12, `|&` 13.
const PIPE_OPERATORS = new Set([12, 13]);
const CACHE_LIMIT = 5_000;
const cache = new Map<string, ShellScript>();
type ShellModule = typeof shModule;
let sh: ShellModule | null = null;
let loading: Promise<void> | null = null;
let parser: ReturnType<ShellModule['syntax']['NewParser']> | null = null;
let parses = 0;
let fullParses = 0;

/** Loads mvdan-sh once; every later call returns the same promise. */
export function loadShellParser(): Promise<void> {
  loading ??= import(/* webpackChunkName: "mvdan-sh" */ 'mvdan-sh').then((module) => {
    sh = module.default;
  });
  return loading;
}

export function shellParserLoaded(): boolean {
  return sh !== null;
}

/** mvdan-sh itself, for rule helpers that walk its syntax tree; throws before `prepareEngine()` has loaded it. */
export function shellModule(): ShellModule {
  return loaded();
}

function loaded(): ShellModule {
  if (sh === null)
    throw new Error('the shell parser is not loaded: `await prepareEngine()` must run before linting');
  return sh;
}

/**
 * Forgets every memoised script and returns how many scripts were read since the last call, and how many of
 * them needed mvdan-sh: the benchmark lints each file as a fresh run would, and reports the shell's share.
 */
export function resetShellCache(): { readonly scripts: number; readonly full: number } {
  cache.clear();
  const counts = { scripts: parses, full: fullParses };
  parses = 0;
  fullParses = 0;
  return counts;
}

export function parseShell(script: string): ShellScript {
  const cached = cache.get(script);
  if (cached) return cached;
  const parsed = parseUncached(script);
  // A bounded memo: rules ask for the same RUN several times, but a huge file must not grow it forever.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(script, parsed);
  return parsed;
}

/**
 * mvdan/sh reports positions in UTF-8 bytes; JavaScript strings index UTF-16 code units. Returns the
 * conversion for one script: the identity for ASCII text, else a table built once (linear).
 */
export function byteToIndex(text: string): (byteOffset: number) => number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is for any non-ASCII code unit.
  if (!/[^\u0000-\u007f]/.test(text)) return (byteOffset) => Math.min(byteOffset, text.length);
  const table: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.codePointAt(index) ?? 0;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let byte = 0; byte < width; byte++) table.push(index);
    if (code >= 0x10000) index++;
  }
  return (byteOffset) => (byteOffset < table.length ? table[byteOffset] : text.length);
}

/**
 * Scripts over this size that the quick reader cannot read are not given to mvdan-sh: it needs seconds for
 * 100 KB and recurses once per `&&` (bench/README.md). Rules then see no commands, and `error` says why.
 */
const FULL_PARSER_LIMIT = 32 * 1024;

/** `auto` reads plain scripts with the quick reader and the rest with mvdan-sh; `full` always uses mvdan-sh. */
export type ShellReader = 'auto' | 'full';

/** Not memoised; for tests that compare the two readers. */
export function parseShellUncached(script: string, reader: ShellReader = 'auto'): ShellScript {
  return parseUncached(script, reader);
}

function parseUncached(script: string, reader: ShellReader = 'auto'): ShellScript {
  parses++;
  const read = (reader === 'auto' ? quickRead(script) : null) ?? fullRead(script);
  if ('error' in read) return { commands: [], hasPipe: false, error: read.error };
  return { commands: read.commands, hasPipe: read.hasPipe, error: null };
}

type Read = { readonly commands: SimpleCommand[]; readonly hasPipe: boolean } | { readonly error: string };

function quickRead(script: string): Read | null {
  const quick = quickParse(script);
  if (!quick) return null;
  return {
    hasPipe: quick.hasPipe,
    commands: quick.calls.map((call) => ({
      name: call.words[0]?.value ?? null,
      args: call.words.slice(1),
      assignments: call.assignments.map((name) => ({ name, value: null })),
      start: call.start,
      end: call.end,
      piped: call.piped,
    })),
  };
}

/** mvdan-sh's reading: the simple commands in the order its walk meets them. */
function fullRead(script: string): Read {
  if (script.length > FULL_PARSER_LIMIT)
    return {
      error: `the script is ${script.length.toLocaleString('en-US')} characters long, too long to read as shell (limit ${FULL_PARSER_LIMIT.toLocaleString('en-US')})`,
    };
  const sh = loaded();
  fullParses++;
  parser ??= sh.syntax.NewParser(sh.syntax.KeepComments(false), sh.syntax.Variant(sh.syntax.LangBash));
  let file: ReturnType<typeof parser.Parse>;
  try {
    file = parser.Parse(script, '');
  } catch (error) {
    return { error: describeParseError(error) };
  }
  const at = byteToIndex(script);
  const commands: SimpleCommand[] = [];
  let hasPipe = false;
  const pipedRanges: { start: number; end: number }[] = [];
  try {
    sh.syntax.Walk(file, (node) => {
      if (!node) return true;
      const type = sh.syntax.NodeType(node);
      if (type === 'BinaryCmd') {
        const op = (node as unknown as { Op: number }).Op;
        if (PIPE_OPERATORS.has(op)) {
          hasPipe = true;
          pipedRanges.push({ start: at(node.Pos().Offset()), end: at(node.End().Offset()) });
        }
      } else if (type === 'CallExpr') {
        commands.push(simpleCommand(sh, node as CallExpr, at, pipedRanges));
      }
      return true;
    });
  } catch (error) {
    // The walk recurses once per `&&`: thousands of them overflow the stack.
    return { error: `the script is nested too deeply to read as shell (${describeParseError(error)})` };
  }
  return { commands, hasPipe };
}

function simpleCommand(
  sh: ShellModule,
  call: CallExpr,
  at: (byteOffset: number) => number,
  pipedRanges: readonly { start: number; end: number }[],
): SimpleCommand {
  const words = call.Args.map((word) => shellWord(sh, word, at));
  const start = at(call.Pos().Offset());
  const end = at(call.End().Offset());
  return {
    name: words[0]?.value ?? null,
    args: words.slice(1),
    assignments: call.Assigns.map((assign) => ({ name: assign.Name?.Value ?? '', value: null })),
    start,
    end,
    piped: pipedRanges.some((range) => range.start <= start && end <= range.end),
  };
}

function shellWord(sh: ShellModule, word: Word, at: (byteOffset: number) => number): ShellWord {
  return { value: literal(sh, word.Parts), start: at(word.Pos().Offset()), end: at(word.End().Offset()) };
}

/**
 * The value of a word made only of literal parts and quotes; null as soon as anything expands. mvdan/sh keeps
 * a literal's backslashes as written: the shell removes them (unquoted, `\X` is X; inside double quotes only
 * before `$`, backtick, `"`, `\`), and a backslash-newline is a continuation that disappears.
 */
function literal(sh: ShellModule, parts: readonly WordPart[], inDoubleQuotes = false): string | null {
  let value = '';
  for (const part of parts) {
    const type = sh.syntax.NodeType(part as Node);
    if (type === 'SglQuoted') value += part.Value ?? '';
    else if (type === 'Lit')
      value += (part.Value ?? '').replace(
        inDoubleQuotes ? /\\([$`"\\\n])/g : /\\([\s\S])/g,
        (_, ch: string) => (ch === '\n' ? '' : ch),
      );
    else if (type === 'DblQuoted') {
      const inner = literal(sh, part.Parts ?? [], true);
      if (inner === null) return null;
      value += inner;
    } else return null;
  }
  return value;
}

function describeParseError(error: unknown): string {
  const text =
    (error as { Error?: () => string } | null)?.Error?.() ??
    (error instanceof Error ? error.message : String(error));
  // mvdan/sh prefixes `name:line:col:`; the name is empty here.
  return text.replace(/^:?/, '');
}

/** Whether a command is `name` (by basename: `/usr/bin/apt-get` is apt-get). */
export function isCommand(command: SimpleCommand, ...names: string[]): boolean {
  const base = command.name?.split('/').pop() ?? '';
  return names.includes(base);
}
