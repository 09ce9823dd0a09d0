import { defineRule } from '../engine/types.js';
import { aptGetCall } from './shared/pkg-apt.js';
import { type ArgWord, listOf, pinVerdict } from './shared/pkg-args.js';
import { findingSpan, runBlocks, wordSpan } from './shared/pkg-commands.js';

export default defineRule({
  id: 'apt-get-pin-versions',
  severity: 'warning',
  description: '`apt-get install` of a package without a version',
  refs: { hadolint: ['DL3008'] },
  basis: ['Docker best practices: apt-get (version pinning)'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        const call = aptGetCall(command);
        if (call?.subcommand !== 'install') continue;
        const unpinned: ArgWord[] = [];
        for (const word of call.line.operands.slice(1)) {
          // `pkg-` asks apt-get to remove the package in the same transaction.
          if (word.value?.endsWith('-')) continue;
          if (pinVerdict(word, isPinned) === 'unpinned') unpinned.push(word);
        }
        if (unpinned.length === 0) continue;
        const first = unpinned[0];
        report({
          span: findingSpan(run, wordSpan(command, unpinned[unpinned.length - 1])),
          message: `\`apt-get install\` takes whatever version of ${listOf(unpinned)} the archive holds on the day of the build, so two builds of this Dockerfile can differ. Pin ${unpinned.length === 1 ? 'it' : 'each'} (\`${first.value ?? first.raw}=<version>\`).`,
        });
      }
    }
  },
});

/** `curl=7.88.1-10`, `curl/bookworm-backports` (a release), a `.deb` file or a path. */
function isPinned(text: string): boolean {
  return text.includes('=') || text.includes('/') || text.endsWith('.deb');
}
