import { defineRule } from '../engine/types.js';
import { APT_GET_OPTIONS, parseCommandLine } from './shared/pkg-args.js';
import { findingSpan, replaceWord, runBlocks } from './shared/pkg-commands.js';

/** What `apt <subcommand>` becomes: the apt-get or apt-cache command of the same name (apt(8)). */
const REPLACEMENT: Record<string, { program: string; subcommand?: string }> = {
  install: { program: 'apt-get' },
  remove: { program: 'apt-get' },
  purge: { program: 'apt-get' },
  autoremove: { program: 'apt-get' },
  update: { program: 'apt-get' },
  'full-upgrade': { program: 'apt-get', subcommand: 'dist-upgrade' },
  'dist-upgrade': { program: 'apt-get' },
  clean: { program: 'apt-get' },
  autoclean: { program: 'apt-get' },
  source: { program: 'apt-get' },
  'build-dep': { program: 'apt-get' },
  download: { program: 'apt-get' },
  changelog: { program: 'apt-get' },
  satisfy: { program: 'apt-get' },
  show: { program: 'apt-cache' },
  search: { program: 'apt-cache' },
  policy: { program: 'apt-cache' },
  depends: { program: 'apt-cache' },
  rdepends: { program: 'apt-cache' },
  showsrc: { program: 'apt-cache' },
};

export default defineRule({
  id: 'use-apt-get-not-apt',
  severity: 'warning',
  description: '`apt` is for people at a terminal; scripts should use `apt-get` or `apt-cache`',
  refs: { hadolint: ['DL3027'] },
  basis: ['apt(8): SCRIPT USAGE AND DIFFERENCES FROM OTHER APT TOOLS'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        if (command.program !== 'apt' || !command.programWord) continue;
        const subcommandWord = parseCommandLine(command.args, APT_GET_OPTIONS).operands[0];
        const subcommand = subcommandWord?.value ?? null;
        const replacement = subcommand ? REPLACEMENT[subcommand] : undefined;
        const programEdit =
          replacement && command.programWord.value === 'apt'
            ? replaceWord(command, command.programWord, replacement.program)
            : null;
        const subcommandEdit =
          replacement?.subcommand && subcommandWord
            ? replaceWord(command, subcommandWord, replacement.subcommand)
            : null;
        const edits = programEdit && (subcommandEdit || !replacement?.subcommand) ? [programEdit] : [];
        if (subcommandEdit && edits.length > 0) edits.push(subcommandEdit);
        const instead = replacement
          ? `\`${replacement.program} ${replacement.subcommand ?? subcommand}\``
          : '`apt-get` or `apt-cache`';
        report({
          span: findingSpan(run, command.span),
          message: `\`apt${subcommand ? ` ${subcommand}` : ''}\` is meant for interactive use: its output and behaviour may change between releases (it warns "apt does not have a stable CLI interface" when not on a terminal). Use ${instead} in a Dockerfile.`,
          ...(edits.length > 0 ? { fix: { safety: 'unsafe' as const, title: `Use ${instead}`, edits } } : {}),
        });
      }
    }
  },
});
