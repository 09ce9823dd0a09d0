import { defineRule } from '../engine/types.js';
import { type OptionSpec, parseCommandLine } from './shared/pkg-args.js';
import { findingSpan, normalizePath, runBlocks } from './shared/pkg-commands.js';

/** ln(1): the options that take a value. */
const LN_OPTIONS: OptionSpec = { shortWithValue: 'St', longWithValue: ['suffix', 'target-directory'] };

/** The shell Docker runs shell-form instructions with, at both paths of a merged-/usr system. */
const SHELL_PATHS = new Set(['/bin/sh', '/usr/bin/sh']);

export default defineRule({
  id: 'ln-bin-sh',
  severity: 'warning',
  description: 'RUN replaces /bin/sh with `ln`: use the SHELL instruction to choose the shell',
  refs: { hadolint: ['DL4005'] },
  basis: ['Dockerfile reference: SHELL'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'ln') continue;
        const line = parseCommandLine(command.args, LN_OPTIONS);
        const directory = line.options.find(
          (option) => option.name === 't' || option.name === 'target-directory',
        );
        // The link is the last operand (`ln -sf bash /bin/sh`), or `<dir>/<name>` with `-t <dir>`; a single
        // operand links into the current directory. `ln -s /bin/sh /usr/local/bin/sh` only reads /bin/sh.
        const into = directory?.value;
        const link = directory
          ? line.operands.map((word) =>
              word.value === null || !into ? null : `${into}/${word.value.split('/').pop()}`,
            )
          : line.operands.length >= 2
            ? [line.operands[line.operands.length - 1].value]
            : [];
        const target = link.find((path) => path !== null && SHELL_PATHS.has(normalizePath(path)));
        if (!target) continue;
        const lastWord = command.args[command.args.length - 1];
        report({
          span: findingSpan(run, command.context.toSource(lastWord.start, lastWord.end)),
          message: `\`ln\` replaces \`${target}\`, the shell every later RUN, shell-form CMD and ENTRYPOINT of the image runs with, and the shell scripts in the image expect: packages' scripts written for a POSIX sh can break. Keep /bin/sh and choose the shell of the Dockerfile's RUNs with \`SHELL ["/bin/bash", "-c"]\`.`,
        });
      }
    }
  },
});
