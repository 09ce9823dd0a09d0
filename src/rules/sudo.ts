import { splitWords } from '../engine/lexer.js';
import type { Model, Stage } from '../engine/model.js';
import { isCommand, type SimpleCommand } from '../engine/shell.js';
import { defineRule } from '../engine/types.js';
import { runInstructions } from './shared/run-commands.js';
import { shellLevels } from './shared/sh-levels.js';

export default defineRule({
  id: 'sudo',
  severity: 'error',
  description: 'RUN uses `sudo`: set the user with USER instead',
  refs: { hadolint: ['DL3004'] },
  basis: ['Docker best practices: USER'],
  fixable: 'never',
  check({ model, report }) {
    const users = userAtInstructions(model);
    for (const { instruction, onbuild, scripts } of runInstructions(model)) {
      const user = onbuild ? undefined : users.get(instruction.index);
      const start = (onbuild ?? instruction).span.start;
      // Each shell of the RUN, `sh -c` and `bash -o pipefail -c` scripts included; one finding per RUN.
      const found = scripts
        .flatMap((script) => [...shellLevels(script, [])])
        .flatMap((level) =>
          level.commands
            .filter((command) => isCommand(command, 'sudo'))
            .map((command) => ({ level, command })),
        )[0];
      if (!found) continue;
      const end = found.level.spanOf(found.command.start, found.command.end).end;
      report({ span: { start, end: Math.max(start, end) }, message: messageFor(found.command, user) });
    }
  },
});

/** `user`: the USER in effect (null: none set in the file), undefined for an ONBUILD trigger. */
function messageFor(command: SimpleCommand, user: string | null | undefined): string {
  const asUser = command.args.some((word) => word.value !== null && /^(?:-u|--user(?:=|$))/.test(word.value));
  const who =
    user === undefined
      ? 'An ONBUILD trigger runs as whatever user the child image has then'
      : user === null
        ? 'Unless the base image sets another USER, this RUN runs as root, so `sudo` adds nothing'
        : /^(?:root|0+)(?::|$)/.test(user)
          ? 'This RUN runs as root (USER), so `sudo` adds nothing'
          : `This RUN runs as \`${user}\` (USER), and \`sudo\` only works if the image ships sudo with a NOPASSWD rule for that user`;
  const instead = asUser
    ? 'To run a step as another user, put `USER <name>` before it, or use `runuser -u <name> --`, `setpriv` or gosu.'
    : 'Use `USER root` before the steps that need root, and `USER <name>` after them.';
  return `${who}. Docker advises against sudo in images: its TTY and signal-forwarding behaviour is unpredictable, and left in the image with a NOPASSWD rule it lets any process of that user become root. ${instead}`;
}

/** The user in effect at each RUN and ONBUILD instruction (null: none set, so root), following `FROM <stage>`. */
function userAtInstructions(model: Model): Map<number, string | null> {
  const users = new Map<number, string | null>();
  const finalUser = new Map<Stage, string | null>();
  for (const stage of model.stages) {
    let user = stage.parent ? (finalUser.get(stage.parent) ?? null) : null;
    for (const node of stage.instructions) {
      if (node.keyword === 'USER') user = splitWords(node.args.text, node.escapeChar)[0]?.value ?? user;
      else if (node.keyword === 'RUN' || node.keyword === 'ONBUILD') users.set(node.index, user);
    }
    finalUser.set(stage, user);
  }
  return users;
}
