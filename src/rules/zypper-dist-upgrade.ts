import { defineRule } from '../engine/types.js';
import { findingSpan, runBlocks, wordSpan } from './shared/pkg-commands.js';
import { readRpmCommand } from './shared/rpm-commands.js';

export default defineRule({
  id: 'zypper-dist-upgrade',
  severity: 'warning',
  description: '`zypper dist-upgrade` in a build: the image no longer matches the release its base names',
  refs: { hadolint: ['DL3035'] },
  basis: ['Docker best practices: RUN (apt-get upgrade and dist-upgrade)', 'zypper(8): dist-upgrade'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of runBlocks(model)) {
      for (const command of run.commands) {
        const read = readRpmCommand(command);
        if (read?.tool !== 'zypper' || read.action !== 'dist-upgrade') continue;
        report({
          span: findingSpan(run, wordSpan(command, read.actionWord)),
          message: `\`zypper ${read.actionText}\` moves every package to whatever the repositories offer on the day of the build, possibly a new distribution release, with vendor changes and removals decided then: the base image tag no longer says what the image holds, and two builds can differ. Use a newer base image instead, and \`zypper patch\` or \`zypper update\` for fixes.`,
        });
      }
    }
  },
});
