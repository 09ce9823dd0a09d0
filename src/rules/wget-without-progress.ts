import { defineRule } from '../engine/types.js';
import { type OptionSpec, parseCommandLine } from './shared/pkg-args.js';
import { findingSpan, runBlocks } from './shared/pkg-commands.js';

/**
 * wget(1): the options that take a value. `-n` takes one too: `-nv` is `-n v` (`--no-verbose`), as wget's own
 * option table reads it.
 */
const WGET_OPTIONS: OptionSpec = {
  shortWithValue: 'oaeiBtOTwQPUlARDIXYn',
  longWithValue: [
    'output-file',
    'append-output',
    'execute',
    'input-file',
    'base',
    'tries',
    'output-document',
    'timeout',
    'wait',
    'quota',
    'directory-prefix',
    'user-agent',
    'level',
    'accept',
    'reject',
    'domains',
    'include-directories',
    'exclude-directories',
    'header',
    'user',
    'password',
    'http-user',
    'http-password',
    'post-data',
    'post-file',
    'body-data',
    'body-file',
    'method',
    'ca-certificate',
    'certificate',
    'private-key',
    'progress',
  ],
};

/** Options that silence the progress display or send it to a file. */
const QUIET = new Set([
  'q',
  'quiet',
  'no-verbose',
  'progress',
  'o',
  'output-file',
  'a',
  'append-output',
  'b',
  'background',
]);

export default defineRule({
  id: 'wget-without-progress',
  severity: 'info',
  description: '`wget` without `--progress` or `-q`: its progress output floods the build log',
  refs: { hadolint: ['DL3047'] },
  basis: ['wget(1): --progress'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'wget') continue;
        const line = parseCommandLine(command.args, WGET_OPTIONS);
        if (line.opaque) continue;
        const quiet = line.options.some(
          (option) => QUIET.has(option.name) || (option.name === 'n' && option.value === 'v'),
        );
        if (quiet || line.operands.length === 0) continue;
        const culprit = command.programWord
          ? command.context.toSource(command.programWord.start, command.programWord.end)
          : command.span;
        // One finding per RUN: the same advice applies to every download in it.
        report({
          span: findingSpan(run, culprit),
          message:
            '`wget` prints a progress indicator, and a build has no terminal: GNU wget falls back to one line of dots per 50 KB, tens of thousands of lines for a large download, which bury the rest of the build log. Add `--progress=dot:giga` (or `-nv` to keep only errors and a summary, or `-q` with BusyBox wget).',
        });
        break;
      }
    }
  },
});
