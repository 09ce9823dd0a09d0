import { defineRule } from '../engine/types.js';
import { AptConfigWrites, aptGetCall, setByOption } from './shared/pkg-apt.js';
import type { CommandLine } from './shared/pkg-args.js';
import { findingSpan, insertAfter, runBlocks, type ToolCommand } from './shared/pkg-commands.js';

/** Subcommands that ask "Do you want to continue? [Y/n]" before changing the system. */
const ASKING = new Set([
  'install',
  'upgrade',
  'dist-upgrade',
  'remove',
  'purge',
  'autoremove',
  'build-dep',
  'satisfy',
]);

export default defineRule({
  id: 'apt-get-missing-yes',
  severity: 'warning',
  description: '`apt-get install` without `-y` waits for an answer no build can give',
  refs: { hadolint: ['DL3014'] },
  basis: ['apt-get(8): -y, --yes, --assume-yes', 'Docker best practices: apt-get'],
  fixable: 'sometimes',
  check({ model, report }) {
    const config = new AptConfigWrites(model);
    for (const run of runBlocks(model)) {
      for (const [position, command] of run.commands.entries()) {
        const call = aptGetCall(command);
        const subcommand = call?.line.operands[0];
        if (!call || !subcommand?.value || !ASKING.has(subcommand.value)) continue;
        const { line } = call;
        if (line.opaque || line.options.some((option) => ANSWERS_YES.has(option.name))) continue;
        if (quietLevel(line) >= 2 || line.options.some((option) => SIMULATES.has(option.name))) continue;
        if (setByOption(call, 'assume-yes') || config.before(command, 'assume-yes')) continue;
        if (answeredByYes(run.commands[position - 1], command)) continue;
        const edit = insertAfter(command, subcommand, ' -y');
        report({
          span: findingSpan(run, command.span),
          message: `\`apt-get ${subcommand.value}\` without \`-y\` stops to ask "Do you want to continue? [Y/n]" (for \`install\`, as soon as a package brings dependencies), and a build has no one to answer: apt-get reads end of input, prints "Abort." and the build fails. Add \`-y\`.`,
          ...(edit ? { fix: { safety: 'safe' as const, title: 'Add `-y`', edits: [edit] } } : {}),
        });
      }
    }
  },
});

const ANSWERS_YES = new Set(['y', 'yes', 'assume-yes']);
const SIMULATES = new Set(['s', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act']);

/** `-qq`, `-q -q`, `-q=2`, `--quiet=2`: level 2 implies `-y` (apt-get(8)). */
function quietLevel(line: CommandLine): number {
  let level = 0;
  for (const option of line.options) {
    if (option.name !== 'q' && option.name !== 'quiet') continue;
    if (option.hasValue) level = Number.parseInt(option.value ?? '0', 10) || level;
    else level++;
  }
  return level;
}

/** `yes | apt-get install ...`. */
function answeredByYes(previous: ToolCommand | undefined, command: ToolCommand): boolean {
  return previous !== undefined && previous.program === 'yes' && previous.piped && command.piped;
}
