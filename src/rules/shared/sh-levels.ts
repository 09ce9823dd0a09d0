/**
 * The shells a RUN starts, one level each: the RUN's own script (command line, heredoc body or exec-form
 * `sh -c` string) and the script of every `sh -c '...'` / `bash -o pipefail -c '...'` inside it, read again
 * with its own text so that positions and the order of commands stay exact. Also what separates two
 * commands of a level (`|`, `&&`, `;`...), which the shell model does not record.
 */
import { commandForm, splitWords } from '../../engine/lexer.js';
import type { InstructionNode } from '../../engine/model.js';
import type { RunScript } from '../../engine/run-scripts.js';
import { parseShell, type SimpleCommand } from '../../engine/shell.js';
import { shellOptionsOf, shellScriptWord } from '../../engine/shell-wrapper.js';
import type { Span } from '../../engine/source.js';

export interface ShellLevel {
  readonly text: string;
  /** The commands this shell runs itself, in order (not those of the `sh -c` scripts it starts). */
  readonly commands: readonly SimpleCommand[];
  /** Options the shell was started with: `-o pipefail`, `-e`... (the SHELL, the `bash -eo pipefail` wrapper). */
  readonly shellOptions: readonly string[];
  /** Source span of a part of `text`; inside a `sh -c` string, the whole string. */
  spanOf(start: number, end: number): Span;
  /** The level that started this one, or null for the RUN's own script. */
  readonly parent: ShellLevel | null;
  /** The program that started this level (`bash` for `bash -c '...'`), or null for the RUN's own script. */
  readonly program: string | null;
}

const MAX_DEPTH = 3;

/** Whether shell options turn pipefail on: `-o pipefail`, `-eo pipefail`, `-euxo pipefail`. */
export function enablesPipefail(options: readonly string[]): boolean {
  let on = false;
  for (let i = 0; i < options.length; i++) {
    if (/^[-+][A-Za-z]*o$/.test(options[i]) && options[i + 1] === 'pipefail') on = options[i].startsWith('-');
  }
  return on;
}

/**
 * Every shell level of one RUN script. `initialOptions` are the options of the shell running the script:
 * the SHELL's for a command line, the array's for exec form, the wrapper's for `RUN bash <<EOF`.
 */
export function* shellLevels(script: RunScript, initialOptions: readonly string[]): Generator<ShellLevel> {
  const top: ShellLevel = {
    text: script.text,
    commands: script.shell.commands,
    shellOptions: initialOptions,
    spanOf: (start, end) => script.spanOf(start, end),
    parent: null,
    program: null,
  };
  yield* walk(top, 0);
}

function* walk(level: ShellLevel, depth: number): Generator<ShellLevel> {
  yield level;
  if (depth >= MAX_DEPTH) return;
  for (const command of level.commands) {
    const inner = shellScriptWord(command.name, command.args);
    if (!inner) continue;
    const span = level.spanOf(inner.script.start, inner.script.end);
    const parsed = parseShell(inner.script.value);
    yield* walk(
      {
        text: inner.script.value,
        commands: parsed.commands,
        shellOptions: inner.options,
        spanOf: () => span,
        parent: level,
        program: command.name,
      },
      depth + 1,
    );
  }
}

/**
 * The options of the shell that runs a RUN script: the SHELL in effect (or `/bin/sh -c`) for a command
 * line and for a body `RUN <<EOF` hands to it, the array of an exec-form `RUN ["bash", "-o", "pipefail",
 * "-c", "..."]`, the named shell of `RUN bash -e <<EOF`. A body starting with `#!` runs under its own
 * interpreter, without the SHELL's options. `shell` is the SHELL argv in effect at the RUN.
 */
export function optionsOfScript(
  script: RunScript,
  instruction: InstructionNode,
  shell: readonly string[],
): readonly string[] {
  if (script.kind === 'exec') return []; // no shell at all
  if (script.kind === 'exec-shell-c') {
    const form = commandForm(instruction.args.text);
    return form.kind === 'exec' ? shellOptionsOf(form.argv) : [];
  }
  if (script.kind === 'heredoc') {
    const words = splitWords(instruction.args.text, instruction.escapeChar).map((word) => word.value);
    if (words[0] !== undefined && !words[0].startsWith('<<')) {
      const until = words.findIndex((word) => word.startsWith('<<'));
      return shellOptionsOf(until === -1 ? words : words.slice(0, until));
    }
    if (script.text.startsWith('#!')) return [];
  }
  return shellOptionsOf(shell);
}

export type Separator = '|' | '&&' | '||' | ';' | '&' | 'newline';

/**
 * What separates two commands of one level that follow each other in the text (`a | b`, `a && b`), or
 * null when anything else stands between them: a subshell or group (`(`, `{`, `}`), a keyword (`then`,
 * `do`), a redirection, or the second command being inside the first (`echo $(date)`). Line
 * continuations and comments are skipped.
 */
export function separatorBetween(
  text: string,
  first: SimpleCommand,
  second: SimpleCommand,
): Separator | null {
  if (second.start < first.end) return null;
  const gap = text.slice(first.end, second.start);
  const bare = gap
    .replace(/(^|\s)#[^\n]*/g, '$1')
    .replace(/\\\r?\n/g, '')
    .replace(/[ \t\r]+/g, '');
  if (bare === '') return gap.includes('\n') ? 'newline' : null;
  const trimmed = bare.replace(/\n+/g, '\n').replace(/^\n|\n$/g, '');
  if (trimmed === '|&') return '|';
  return trimmed === '|' || trimmed === '&&' || trimmed === '||' || trimmed === ';' || trimmed === '&'
    ? trimmed
    : null;
}

/**
 * Whether the text before the first command of a level holds nothing but blanks, comments and a `#!` line:
 * the command is the first thing the shell runs, at the top of the script, not inside `(`, `{`, `if`...
 */
export function startsScript(text: string, command: SimpleCommand): boolean {
  const before = text.slice(0, command.start);
  return (
    before
      .replace(/(^|\s)#[^\n]*/g, '$1')
      .replace(/\\\r?\n/g, '')
      .trim() === ''
  );
}
