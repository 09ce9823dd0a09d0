import { defineRule } from '../engine/types.js';
import { APK_OPTIONS, type ArgWord, listOf, parseCommandLine, pinVerdict } from './shared/pkg-args.js';
import { findingSpan, runBlocks, wordSpan } from './shared/pkg-commands.js';

export default defineRule({
  id: 'apk-pin-versions',
  severity: 'warning',
  description: '`apk add` of a package without a version',
  refs: { hadolint: ['DL3018'] },
  basis: ['apk(8): apk add, world constraints'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'apk') continue;
        const line = parseCommandLine(command.args, APK_OPTIONS);
        if (line.operands[0]?.value !== 'add') continue;
        const unpinned: ArgWord[] = line.operands
          .slice(1)
          .filter((word) => pinVerdict(word, isPinned) === 'unpinned');
        if (unpinned.length === 0) continue;
        const first = unpinned[0];
        report({
          span: findingSpan(run, wordSpan(command, unpinned[unpinned.length - 1])),
          message: `\`apk add\` installs whatever version of ${listOf(unpinned)} the repository holds on the day of the build, so two builds of this Dockerfile can differ. Pin ${unpinned.length === 1 ? 'it' : 'each'} (\`${first.value ?? first.raw}=<version>\`, or \`~<version>\` to follow patch releases).`,
        });
      }
    }
  },
});

/** `curl=8.5.0-r0`, `curl~8.5`, `curl>=8`, `curl<9`, or a local `.apk` file. */
function isPinned(text: string): boolean {
  return /[=~<>]/.test(text) || text.endsWith('.apk');
}
