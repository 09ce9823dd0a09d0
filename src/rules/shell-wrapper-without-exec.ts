import { spanIn } from '../engine/lexer.js';
import type { Command } from '../engine/model.js';
import { runtimeOf } from '../engine/runtime.js';
import { defineRule, type Fix } from '../engine/types.js';
import { shellWrapperScript } from './shared/commands.js';
import { baseName, busyboxShellLikely, runsCommandArguments } from './shared/runtime-pairs.js';
import { analyseWrapperScript, type WrapperVerdict } from './shared/runtime-shell.js';

export default defineRule({
  id: 'shell-wrapper-without-exec',
  severity: 'warning',
  description: 'A sh -c wrapper does not exec its command, so the program misses signals',
  refs: {},
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 5'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      const runtime = runtimeOf(stage);
      const commands: Command[] = [];
      // Only what a container runs, and only in the stage that wrote it: overridden ones are `single-*` findings.
      if (runtime.entrypoint && runtime.entrypoint.inheritedFrom === null)
        commands.push(runtime.entrypoint.command);
      if (runtime.cmd && runtime.cmd.inheritedFrom === null && cmdIsCommand(runtime.entrypoint?.command))
        commands.push(runtime.cmd.command);
      for (const command of commands) {
        if (command.form.kind !== 'exec') continue;
        const wrapper = shellWrapperScript(command.form.argv);
        if (!wrapper) continue;
        const script = command.form.argv[wrapper.scriptIndex];
        const verdict = analyseWrapperScript(script, baseName(wrapper.shell), busyboxShellLikely(stage));
        if (verdict.kind === 'fine') continue;
        report({
          span: command.instruction.span,
          message: messageFor(verdict, wrapper.shell),
          fix: fixFor(command, wrapper.scriptIndex, verdict),
        });
      }
    }
  },
});

/**
 * Whether CMD runs as a command: with no ENTRYPOINT, or one that runs its arguments (`tini --`). After an
 * exec-form program CMD's words are that program's arguments; after a shell-form one they are ignored.
 */
function cmdIsCommand(entrypoint: Command | undefined): boolean {
  if (!entrypoint) return true;
  if (entrypoint.form.kind !== 'exec') return false;
  return entrypoint.form.argv.length === 0 || runsCommandArguments(entrypoint.form.argv);
}

function messageFor(verdict: Extract<WrapperVerdict, { kind: 'no-exec' }>, shell: string): string {
  const program = verdict.program ? `\`${verdict.program}\`` : 'the program';
  const killed = 'it is killed when the grace period ends instead of shutting down cleanly';
  switch (verdict.shape) {
    case 'pipeline':
      return `\`${shell} -c\` ends in a pipeline, so the shell stays PID 1 waiting for it and the SIGTERM from \`docker stop\` never reaches ${program}: ${killed}. \`exec\` cannot replace a pipeline: log to stdout instead, or start the container with an init such as \`tini\`.`;
    case 'unclear':
      return `\`${shell} -c\` does not \`exec\` its last command, so the shell can stay PID 1 and the SIGTERM from \`docker stop\` then never reaches the program: ${killed}. Make the script \`exec\` its final command.`;
    default: {
      const why =
        baseName(shell) === 'bash'
          ? 'bash does not replace itself with a command that has redirections'
          : "Debian's and Ubuntu's `/bin/sh`, dash, never replaces itself with the command";
      return `\`${shell} -c\` runs ${program} as its child without \`exec\`, so the shell stays PID 1 (${why}) and the SIGTERM from \`docker stop\` never reaches ${program}: ${killed}. Start the last command with \`exec\`.`;
    }
  }
}

function fixFor(
  command: Command,
  scriptIndex: number,
  verdict: Extract<WrapperVerdict, { kind: 'no-exec' }>,
): Fix | undefined {
  if (verdict.execAt === null || command.form.kind !== 'exec') return undefined;
  const token = command.form.elements[scriptIndex];
  if (!token) return undefined;
  const text = command.instruction.args.text.slice(command.textStart);
  const at =
    command.textStart +
    token.start +
    1 +
    rawIndex(text.slice(token.start + 1, token.end - 1), verdict.execAt);
  const position = spanIn(command.instruction.args, at, at);
  return {
    safety: verdict.safety,
    title: 'Replace the shell with the last command (`exec`)',
    edits: [{ span: position, text: 'exec ' }],
  };
}

/** Index in a JSON string literal's raw text of the `decoded`-th character of its value. */
function rawIndex(raw: string, decoded: number): number {
  let index = 0;
  for (let count = 0; count < decoded && index < raw.length; count++)
    index += raw[index] !== '\\' ? 1 : raw[index + 1] === 'u' ? 6 : 2;
  return index;
}
