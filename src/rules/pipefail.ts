import { DEFAULT_SHELL, explicitShellAt } from '../engine/model.js';
import type { RunScript } from '../engine/run-scripts.js';
import type { SimpleCommand } from '../engine/shell.js';
import { defineRule } from '../engine/types.js';
import { runInstructions } from './shared/run-commands.js';
import {
  enablesPipefail,
  optionsOfScript,
  type ShellLevel,
  separatorBetween,
  shellLevels,
} from './shared/sh-levels.js';

/** Commands that cannot fail in a way pipefail would report: a pipeline led only by them loses nothing. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true', ':']);

export default defineRule({
  id: 'pipefail',
  severity: 'warning',
  description:
    'A RUN pipes commands without `pipefail`: a failure before the last `|` does not fail the build',
  refs: { hadolint: ['DL4006'] },
  basis: ['Dockerfile reference: RUN (pipes and `set -o pipefail`)', 'Dockerfile reference: SHELL'],
  fixable: 'never',
  check({ model, report }) {
    for (const { instruction, onbuild, scripts } of runInstructions(model)) {
      const stage = instruction.stage;
      // A trigger runs right after the child's FROM, with the SHELL this image ends up with.
      const shell = stage
        ? (explicitShellAt(stage, onbuild ? Number.POSITIVE_INFINITY : instruction.index) ?? DEFAULT_SHELL)
        : DEFAULT_SHELL;
      let found: { level: ShellLevel; command: SimpleCommand; kind: RunScript['kind'] } | null = null;
      for (const script of scripts) {
        for (const level of shellLevels(script, optionsOfScript(script, instruction, shell))) {
          const command = unprotectedPipe(level);
          if (command) {
            found = { level, command, kind: script.kind };
            break;
          }
        }
        if (found) break;
      }
      if (!found) continue;
      const start = (onbuild ?? instruction).span.start;
      const name = found.command.name ?? 'the first command';
      const [runner, remedy] =
        found.level.parent !== null
          ? [
              `the \`${found.level.program} -c\` shell running it`,
              'Start that shell with `-o pipefail` (`bash -o pipefail -c`), or begin its script with `set -o pipefail`',
            ]
          : found.kind === 'exec-shell-c'
            ? [
                'the shell of the exec form',
                'Start it with `-o pipefail`: `["/bin/bash", "-o", "pipefail", "-c", "..."]`',
              ]
            : found.kind === 'heredoc'
              ? [
                  'the shell running the heredoc',
                  "Start the script with `set -o pipefail`, under `#!/bin/bash` or a bash SHELL (Debian's /bin/sh, dash, may not know it)",
                ]
              : [
                  `the shell (\`${shell.join(' ')}\`)`,
                  'Put `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN, or start it with `set -o pipefail &&` where /bin/sh supports it',
                ];
      report({
        span: { start, end: Math.max(start, found.level.spanOf(found.command.start, found.command.end).end) },
        message: `\`${name}\` is piped into another command, and ${runner} has no \`pipefail\`: a pipeline's status is its last command's, so if \`${name}\` fails the RUN still succeeds and the build goes on with its broken output. ${remedy}.`,
      });
    }
  },
});

/**
 * The first command of a pipeline that runs without pipefail, in one shell. `set -o pipefail` earlier in
 * the same shell counts. Pipelines led only by `echo`, `printf` or `yes` are left alone: pipefail changes
 * nothing for them (and turns `yes | cmd` into a failure when `yes` is cut off).
 */
function unprotectedPipe(level: ShellLevel): SimpleCommand | null {
  let pipefail = enablesPipefail(level.shellOptions);
  const commands = level.commands;
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i];
    if (command.name === 'set') {
      const words = command.args.map((word) => word.value ?? '');
      if (words.some((word, j) => /^-[A-Za-z]*o$/.test(word) && words[j + 1] === 'pipefail')) pipefail = true;
      else if (words.some((word, j) => /^\+[A-Za-z]*o$/.test(word) && words[j + 1] === 'pipefail'))
        pipefail = false;
      continue;
    }
    if (pipefail || !command.piped) continue;
    // The pipeline this command starts: the commands joined to it by `|`.
    let end = i;
    while (
      end + 1 < commands.length &&
      separatorBetween(level.text, commands[end], commands[end + 1]) === '|'
    )
      end++;
    if (
      end > i &&
      commands.slice(i, end).every((member) => member.name !== null && CANNOT_FAIL.has(member.name))
    ) {
      i = end;
      continue;
    }
    return command;
  }
  return null;
}
