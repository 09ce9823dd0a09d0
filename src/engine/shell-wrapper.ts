/**
 * `sh -c 'script'` and its spellings (`/bin/bash -o pipefail -c`, `bash -eo pipefail -c`, `sh -ec`,
 * `bash --norc -c`): which word is the script a shell is told to run, and which options it starts with. One
 * reader for the engine, the package rules, the shell levels and the exec-form rules, so that they agree on
 * what is a wrapper.
 */

/** A POSIX-style shell by basename; these are the ones that take `-c SCRIPT`. */
export const POSIX_SHELL = /^(?:.*\/)?(?:sh|bash|ash|dash|zsh|ksh|mksh)$/;

export interface ShellInvocation {
  /** The options before the script, `-c` included: `["-o", "pipefail", "-c"]`. */
  readonly options: string[];
  /** Index in argv of the script word. */
  readonly scriptIndex: number;
}

/**
 * Reads argv (`argv[0]` the program, null for a word that expands) as a shell started with `-c`: the script's
 * index and the options before it, or null when it is not one.
 */
export function shellInvocation(argv: readonly (string | null)[]): ShellInvocation | null {
  if (!POSIX_SHELL.test(argv[0] ?? '')) return null;
  const options = shellOptionsOf(argv);
  const c = options.findIndex((option) => /^-[A-Za-z]*c[A-Za-z]*$/.test(option));
  if (c === -1) return null;
  // The script is the first word after the options (the options of `-o X` and `--rcfile X` take one each).
  const scriptIndex = options.length + 1;
  return scriptIndex < argv.length ? { options: options.slice(0, c + 1), scriptIndex } : null;
}

/**
 * The script word of a command read as `program` and its `words` (`sh -c '...'`, `bash -o pipefail -c '...'`),
 * with the options before it; null when the command is not such a shell, or its script expands.
 */
export function shellScriptWord<W extends { readonly value: string | null }>(
  program: string | null,
  words: readonly W[],
): { readonly script: W & { readonly value: string }; readonly options: string[] } | null {
  const invocation = shellInvocation([program, ...words.map((word) => word.value)]);
  const script = invocation && words[invocation.scriptIndex - 1];
  return invocation && script && script.value !== null
    ? { script: script as W & { readonly value: string }, options: invocation.options }
    : null;
}

/** `["/bin/bash", "-o", "pipefail", "-c"]` → `["-o", "pipefail", "-c"]`: the option words after the program. */
export function shellOptionsOf(argv: readonly (string | null)[]): string[] {
  const options: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === null) break;
    if (/^[-+]o$/.test(arg)) {
      options.push(arg, argv[i + 1] ?? '');
      i++;
    } else if (/^--[a-z-]+$/.test(arg) && arg !== '--') {
      // `--login`, `--norc`; `--rcfile FILE` and `--init-file FILE` take the next word.
      options.push(arg);
      if (arg === '--rcfile' || arg === '--init-file') options.push(argv[++i] ?? '');
    } else if (/^[-+][A-Za-z]+$/.test(arg)) {
      // `-eo pipefail`: the `o` takes the next word.
      options.push(arg);
      if (arg.endsWith('o')) options.push(argv[++i] ?? '');
      if (/c/.test(arg)) break;
    } else break;
  }
  return options;
}
