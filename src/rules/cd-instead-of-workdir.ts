import { scanVariables } from '../engine/lexer.js';
import { type InstructionNode, lookup } from '../engine/model.js';
import type { SimpleCommand } from '../engine/shell.js';
import { defineRule } from '../engine/types.js';
import { runInstructions } from './shared/run-commands.js';
import { separatorBetween, startsScript } from './shared/sh-levels.js';

/** Commands that may come before the `cd` without being the RUN's work: shell options, the directory itself. */
const PREPARATION = new Set(['set', 'mkdir', 'umask']);

export default defineRule({
  id: 'cd-instead-of-workdir',
  severity: 'warning',
  description: 'A RUN starts by changing directory with `cd`: that is what WORKDIR is for',
  refs: { hadolint: ['DL3003'] },
  basis: ['Docker best practices: WORKDIR'],
  fixable: 'never',
  check({ model, report }) {
    for (const { instruction, onbuild, scripts } of runInstructions(model)) {
      const total = scripts.reduce((count, script) => count + script.shell.commands.length, 0);
      for (const script of scripts) {
        const commands = script.shell.commands;
        const index = commands.findIndex((command) => !isPreparation(command));
        const cd = commands[index];
        if (cd?.name !== 'cd' || !isPlainDirectory(cd, script.text, onbuild ? null : instruction)) continue;
        // Only a `cd` the whole script runs in: not one inside `( ... )`, `{ ... }`, a loop or an `if`.
        const previous = commands[index - 1];
        const reached = previous
          ? ['&&', ';', 'newline'].includes(separatorBetween(script.text, previous, cd) ?? '')
          : startsScript(script.text, cd);
        const next = commands[index + 1];
        if (!reached || (next && separatorBetween(script.text, cd, next) === '|')) continue;
        const directory =
          cd.args[0].value ?? script.text.slice(cd.args[0].start, cd.args[0].end).replace(/^"(.*)"$/, '$1');
        const start = (onbuild ?? instruction).span.start;
        const alone = total === index + 1 && scripts.length === 1;
        report({
          span: { start, end: Math.max(start, script.spanOf(cd.start, cd.end).end) },
          message: alone
            ? `\`cd ${directory}\` has no effect: the directory does not carry over to the next instruction, each RUN starts in the WORKDIR again. Use \`WORKDIR ${directory}\`.`
            : `This RUN starts with \`cd ${directory}\`, and the next RUN will start in the WORKDIR again; \`WORKDIR ${directory}\` sets the directory for every later instruction (and creates it), so the steps read in one place.`,
        });
      }
    }
  },
});

function isPreparation(command: SimpleCommand): boolean {
  if (command.name === null) return command.assignments.length > 0 && command.args.length === 0;
  return PREPARATION.has(command.name);
}

/**
 * `cd /app`, `cd "$APP_HOME"` with APP_HOME an ARG or ENV: WORKDIR can say the same. Not `cd`, `cd -`,
 * `cd ~`, `cd "$(mktemp -d)"`, nor a shell variable of the RUN (`cd "$tmp"`), which WORKDIR cannot see.
 */
function isPlainDirectory(cd: SimpleCommand, text: string, instruction: InstructionNode | null): boolean {
  if (cd.args.length !== 1) return false;
  const word = cd.args[0];
  if (word.value !== null)
    return word.value !== '-' && !word.value.startsWith('~') && !word.value.startsWith('-');
  const raw = text.slice(word.start, word.end);
  if (!instruction?.stage || /\$\(|`|~/.test(raw)) return false;
  const stage = instruction.stage;
  const references = scanVariables(raw, '\\');
  return (
    references.length > 0 && references.every((reference) => lookup(stage, reference.name, instruction.index))
  );
}
