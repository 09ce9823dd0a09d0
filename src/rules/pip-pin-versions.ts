import { lookup } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { type ArgWord, listOf, pinVerdict } from './shared/pkg-args.js';
import { findingSpan, runBlocks, wordSpan } from './shared/pkg-commands.js';
import { pipInstall } from './shared/pkg-pip.js';

export default defineRule({
  id: 'pip-pin-versions',
  severity: 'warning',
  description: '`pip install` of a package without a version',
  refs: { hadolint: ['DL3013'] },
  basis: ['pip documentation: Repeatable Installs'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      const { stage, index } = run.instruction;
      // A constraints file (`-c`, or `PIP_CONSTRAINT` in the environment) pins what the command line names.
      const constrainedByEnv = stage
        ? lookup(stage, 'PIP_CONSTRAINT', run.onbuild ? Infinity : index)
        : undefined;
      if (constrainedByEnv && constrainedByEnv.value !== '') continue;
      for (const command of run.commands) {
        const install = pipInstall(command);
        if (!install || command.env.has('PIP_CONSTRAINT')) continue;
        if (install.line.options.some((option) => option.name === 'c' || option.name === 'constraint'))
          continue;
        const unpinned: ArgWord[] = install.packages.filter(
          (word) => pinVerdict(word, isPinned) === 'unpinned',
        );
        if (unpinned.length === 0) continue;
        const first = unpinned[0];
        report({
          span: findingSpan(run, wordSpan(command, unpinned[unpinned.length - 1])),
          message: `\`pip install\` takes the newest release of ${listOf(unpinned)} on the day of the build, so two builds of this Dockerfile can differ. Pin ${unpinned.length === 1 ? 'it' : 'each'} (\`${first.value ?? first.raw}==<version>\`) or install from a requirements file with pinned versions.`,
        });
      }
    }
  },
});

const VERSION_OPERATORS = ['==', '>=', '<=', '!=', '~=', '>', '<'];
// pip's VCS schemes (pip documentation: VCS Support); a VCS URL is pinned by `@<ref>` after the repository.
const VCS = /^(?:git|hg|svn|bzr)(?:\+[a-z-]+)?:/;
const ARCHIVES = ['.whl', '.tar.gz', '.tgz', '.tar.bz2', '.zip'];

function isPinned(text: string): boolean {
  if (VCS.test(text)) return /@[^/@]+$/.test(text.replace(/#.*$/, ''));
  if (text.startsWith('.') || text.includes('/')) return true;
  if (ARCHIVES.some((suffix) => text.endsWith(suffix))) return true;
  return VERSION_OPERATORS.some((operator) => text.includes(operator));
}
