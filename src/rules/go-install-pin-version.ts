import { defineRule } from '../engine/types.js';
import { type ArgWord, GO_OPTIONS, listOf, parseCommandLine } from './shared/pkg-args.js';
import { findingSpan, runBlocks, wordSpan } from './shared/pkg-commands.js';

/**
 * Version queries that resolve to whatever is newest at build time (`go help get`, "module queries"):
 * `latest`, `upgrade`, `patch`, the default branches, a version prefix (`@v1`, `@v1.2`) and comparisons.
 */
const FLOATING_QUERY = /^(?:latest|upgrade|patch|master|main|HEAD|v\d+|v\d+\.\d+|[<>]=?.*)$/;

export default defineRule({
  id: 'go-install-pin-version',
  severity: 'warning',
  description: '`go install`, `go get` or `go run` of a package at a floating version',
  refs: { hadolint: ['DL3062'] },
  basis: ['Go command documentation: go install, go get, module queries'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'go') continue;
        const line = parseCommandLine(command.args, GO_OPTIONS);
        const subcommand = line.operands[0]?.value;
        if (subcommand !== 'install' && subcommand !== 'get' && subcommand !== 'run') continue;
        // `go run pkg args...`: only the first word names a package; the rest are the program's arguments.
        const packages = subcommand === 'run' ? line.operands.slice(1, 2) : line.operands.slice(1);
        const floating: ArgWord[] = packages.filter((word) => isFloating(word, subcommand));
        if (floating.length === 0) continue;
        const first = floating[0].value ?? floating[0].raw;
        const path = first.replace(/@.*$/, '');
        const why = first.includes('@')
          ? `\`@${first.slice(first.indexOf('@') + 1)}\` resolves to the newest matching version on the day of the build`
          : '`go get` without a version fetches the newest release (in GOPATH mode, the default branch)';
        report({
          span: findingSpan(run, wordSpan(command, floating[floating.length - 1])),
          message: `\`go ${subcommand}\` of ${listOf(floating)}: ${why}, so two builds of this Dockerfile can differ. Name an exact version (\`${path}@v1.2.3\`) or a commit.`,
        });
      }
    }
  },
});

function isFloating(word: ArgWord, subcommand: string): boolean {
  // A word that expands cannot be judged; local packages are versioned with the source copied in.
  if (word.value === null) {
    const at = word.raw.lastIndexOf('@');
    return at !== -1 && !/[$`]/.test(word.raw.slice(at)) && FLOATING_QUERY.test(word.raw.slice(at + 1));
  }
  const text = word.value;
  if (text === '.' || /^(?:\.{1,2}\/|\/)/.test(text) || text.endsWith('.go')) return false;
  const at = text.lastIndexOf('@');
  if (at === -1) {
    // Without `@`, `go install` and `go run` build the version the current module's go.mod requires (and
    // fail outside a module), so nothing floats; `go get` adds the newest release.
    return subcommand === 'get';
  }
  const query = text.slice(at + 1);
  return query !== 'none' && FLOATING_QUERY.test(query);
}
