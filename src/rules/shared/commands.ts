/**
 * Helpers the ENTRYPOINT / CMD rules share: where a command's text sits, whether a shell script can be
 * turned into an exec-form array without changing its meaning, and how to write that array.
 */
import { spanIn, splitWords } from '../../engine/lexer.js';
import type { Command } from '../../engine/model.js';
import { shellInvocation } from '../../engine/shell-wrapper.js';
import type { Span } from '../../engine/source.js';

/** The span of the command text: after `CMD`/`ENTRYPOINT` (and HEALTHCHECK's flags and `CMD`). */
export function commandSpan(command: Command): Span {
  const args = command.instruction.args;
  let start = command.textStart;
  while (start < args.text.length && /\s/.test(args.text[start])) start++;
  let end = args.text.length;
  while (end > start && /\s/.test(args.text[end - 1])) end--;
  return spanIn(args, start, end);
}

/**
 * Characters that make a shell do something beyond splitting words: expansion, redirection, chaining,
 * globbing, subshells, comments, escapes. A script without them means the same as its words in exec form.
 */
const SHELL_SYNTAX = /[$`;&|<>(){}*?[\]~#!\\\n]/;

/** The words of a script that has no shell syntax, or null when exec form would change its meaning. */
export function plainWords(script: string): string[] | null {
  if (SHELL_SYNTAX.test(script)) return null;
  const words = splitWords(script, '\\');
  if (words.length === 0) return null;
  // A leading `NAME=value` is an environment assignment for the shell, not a program name.
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0].raw)) return null;
  return words.map((word) => word.value);
}

/** An exec-form array as Docker's reference writes it: `["a", "b"]`. */
export function execArray(argv: readonly string[]): string {
  return `[${argv.map((arg) => JSON.stringify(arg)).join(', ')}]`;
}

/** `CMD` or `cmd` as the user wrote it, for messages. */
export function keywordOf(command: Command): string {
  return command.instruction.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : command.instruction.keyword;
}

/** Whether argv runs a POSIX-style shell with `-c` (`sh -c`, `/bin/bash -ec`, `bash -o pipefail -c`...). */
export function shellWrapperScript(argv: readonly string[]): { shell: string; scriptIndex: number } | null {
  const invocation = shellInvocation(argv);
  return invocation && { shell: argv[0], scriptIndex: invocation.scriptIndex };
}
