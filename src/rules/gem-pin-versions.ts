import { defineRule } from '../engine/types.js';
import { type ArgWord, GEM_OPTIONS, listOf, parseCommandLine, pinVerdict } from './shared/pkg-args.js';
import { findingSpan, runBlocks, wordSpan } from './shared/pkg-commands.js';

export default defineRule({
  id: 'gem-pin-versions',
  severity: 'warning',
  description: '`gem install` of a gem without a version',
  refs: { hadolint: ['DL3028'] },
  basis: ['RubyGems: gem install (-v, NAME:VERSION)'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'gem') continue;
        const line = parseCommandLine(command.args, GEM_OPTIONS);
        const subcommand = line.operands[0]?.value;
        if (subcommand !== 'install' && subcommand !== 'i') continue;
        // `-v` applies to the gem named (gem refuses `-v` with several gems).
        if (line.opaque || line.options.some((option) => option.name === 'v' || option.name === 'version'))
          continue;
        const unpinned: ArgWord[] = line.operands
          .slice(1)
          .filter((word) => pinVerdict(word, isPinned) === 'unpinned');
        if (unpinned.length === 0) continue;
        const first = unpinned[0];
        report({
          span: findingSpan(run, wordSpan(command, unpinned[unpinned.length - 1])),
          message: `\`gem ${subcommand}\` takes the newest release of ${listOf(unpinned)} on the day of the build, so two builds of this Dockerfile can differ. Pin ${unpinned.length === 1 ? 'it' : 'each'} (\`${first.value ?? first.raw}:<version>\`, or \`-v <version>\` for a single gem).`,
        });
      }
    }
  },
});

/** `rails:7.1.3`, or a local `.gem` file. */
function isPinned(text: string): boolean {
  return text.includes(':') || text.endsWith('.gem') || text.includes('/');
}
