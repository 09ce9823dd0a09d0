import { defineRule } from '../engine/types.js';
import { type ArgWord, listOf, NPM_OPTIONS, parseCommandLine, pinVerdict } from './shared/pkg-args.js';
import { findingSpan, runBlocks, wordSpan } from './shared/pkg-commands.js';

/** `npm install` and the aliases npm accepts for it (`npm help install`). */
const INSTALL = new Set([
  'install',
  'i',
  'add',
  'in',
  'ins',
  'inst',
  'insta',
  'instal',
  'isnt',
  'isnta',
  'isntal',
  'isntall',
]);

export default defineRule({
  id: 'npm-pin-versions',
  severity: 'warning',
  description: '`npm install` of a package without a version',
  refs: { hadolint: ['DL3016'] },
  basis: ['npm documentation: npm install, package specs'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'npm') continue;
        const line = parseCommandLine(command.args, NPM_OPTIONS);
        const subcommand = line.operands[0]?.value;
        if (!subcommand || !INSTALL.has(subcommand)) continue;
        const unpinned: ArgWord[] = line.operands
          .slice(1)
          .filter((word) => pinVerdict(word, isPinned) === 'unpinned');
        if (unpinned.length === 0) continue;
        const first = unpinned[0];
        const name = (first.value ?? first.raw).replace(/(?<=.)@.*$/, '');
        report({
          span: findingSpan(run, wordSpan(command, unpinned[unpinned.length - 1])),
          message: `\`npm ${subcommand}\` takes the newest release of ${listOf(unpinned)} on the day of the build, so two builds of this Dockerfile can differ. Pin ${unpinned.length === 1 ? 'it' : 'each'} (\`${name}@<version>\`), or install from a lockfile with \`npm ci\`.`,
        });
      }
    }
  },
});

const GIT = /^(?:git(?:\+(?:ssh|https?|file))?:\/\/|github:|gitlab:|bitbucket:|gist:)/;
const LOCAL = /^(?:\.{0,2}\/|~\/|file:)/;
const TARBALL = /\.(?:tar|tar\.gz|tgz)$/;
/** `@latest` (and `*`, `x`, or nothing after `@`) asks for the newest release, as no version does. */
const FLOATING = /^(?:latest|\*|x|)$/i;

function isPinned(text: string): boolean {
  if (GIT.test(text) || /^[\w.-]+\/[\w.-]+(?:#|$)/.test(text)) return text.includes('#');
  if (LOCAL.test(text) || TARBALL.test(text)) return true;
  if (/^https?:\/\//.test(text)) return TARBALL.test(text);
  // `@scope/name@1.2.3`: the version follows the `@` after the scope.
  const at = text.indexOf('@', text.startsWith('@') ? 1 : 0);
  if (at === -1) return false;
  const spec = text.slice(at + 1);
  if (spec.startsWith('npm:')) return isPinned(spec.slice(4));
  return !FLOATING.test(spec);
}
