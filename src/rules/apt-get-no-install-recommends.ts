import { defineRule } from '../engine/types.js';
import { AptConfigWrites, aptGetCall, setByOption } from './shared/pkg-apt.js';
import { findingSpan, insertAfter, runBlocks } from './shared/pkg-commands.js';

export default defineRule({
  id: 'apt-get-no-install-recommends',
  severity: 'info',
  description: '`apt-get install` without `--no-install-recommends` also installs recommended packages',
  refs: { hadolint: ['DL3015'] },
  basis: ['apt-get(8): --no-install-recommends', 'Docker best practices: apt-get'],
  fixable: 'sometimes',
  check({ model, report }) {
    const config = new AptConfigWrites(model);
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        const call = aptGetCall(command);
        const subcommand = call?.line.operands[0];
        if (!call || subcommand?.value !== 'install' || call.line.opaque) continue;
        if (call.line.options.some(disablesRecommends)) continue;
        if (setByOption(call, 'no-install-recommends') || config.before(command, 'no-install-recommends'))
          continue;
        const edit = insertAfter(command, subcommand, ' --no-install-recommends');
        report({
          span: findingSpan(run, command.span),
          message:
            '`apt-get install` also installs every package the named ones only recommend, which makes the image larger and gives it more software to patch. Add `--no-install-recommends` and name what the image really needs.',
          ...(edit
            ? {
                fix: {
                  safety: 'unsafe' as const,
                  title: 'Add `--no-install-recommends`',
                  edits: [edit],
                },
              }
            : {}),
        });
      }
    }
  },
});

/** `--no-install-recommends`, or `--install-recommends=no` as apt's boolean options also accept. */
function disablesRecommends(option: { name: string; value: string | null }): boolean {
  if (option.name === 'no-install-recommends') return true;
  return (
    option.name === 'install-recommends' && /^(?:0|false|no|off|without|disable)$/i.test(option.value ?? '')
  );
}
