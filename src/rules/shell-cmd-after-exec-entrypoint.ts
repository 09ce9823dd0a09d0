import { argvOf } from '../engine/runtime.js';
import { defineRule } from '../engine/types.js';
import { commandSpan, execArray, plainWords } from './shared/commands.js';
import { commandLine, lineOf, runsCommandArguments, runtimePairs } from './shared/runtime-pairs.js';

export default defineRule({
  id: 'shell-cmd-after-exec-entrypoint',
  severity: 'warning',
  description: 'A shell-form CMD after an exec-form ENTRYPOINT passes /bin/sh -c as arguments',
  refs: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const { entrypoint, cmd } of runtimePairs(model)) {
      const entrypointForm = entrypoint.command.form;
      const cmdForm = cmd.command.form;
      if (entrypointForm.kind !== 'exec' || entrypointForm.argv.length === 0) continue;
      // Bracketed text that is not JSON is `invalid-exec-form`'s finding, and its fix ends this one.
      if (cmdForm.kind !== 'shell' || cmdForm.script === '') continue;
      // An init or entrypoint script runs the shell it is given, so a command (not options) still works;
      // that the shell then sits between it and the program is `exec-form`'s finding.
      if (runsCommandArguments(entrypointForm.argv) && !cmdForm.script.startsWith('-')) continue;
      // The ENTRYPOINT resets an inherited CMD, so the CMD is this stage's whenever the pair is new here.
      if (cmd.inheritedFrom !== null) continue;

      const instruction = cmd.command.instruction;
      const runs = commandLine([...entrypointForm.argv, ...argvOf(cmd.command)]);
      const words = plainWords(cmdForm.script);
      const entrypointLine = lineOf(model, entrypoint.command.instruction.span);
      const inStage = entrypoint.inheritedFrom
        ? `, in stage \`${entrypoint.inheritedFrom.name ?? entrypoint.inheritedFrom.base}\``
        : '';
      report({
        span: instruction.span,
        message: `Docker appends this shell-form \`${instruction.rawKeyword}\` to the exec-form ENTRYPOINT (line ${entrypointLine}${inStage}) as \`${commandLine(cmd.command.shell)} "…"\`, so the container runs \`${runs}\`: the program receives the shell's words as its arguments. Write the CMD as a JSON array${words ? `: \`${instruction.rawKeyword} ${execArray(words)}\`` : ''}.`,
        fix: words
          ? {
              safety: 'safe',
              title: 'Write CMD as a JSON array',
              edits: [{ span: commandSpan(cmd.command), text: execArray(words) }],
            }
          : undefined,
      });
    }
  },
});
