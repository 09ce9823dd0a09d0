import { defineRule } from '../engine/types.js';
import { APK_OPTIONS, parseCommandLine } from './shared/pkg-args.js';
import {
  deletesDirectory,
  ephemeralMountTargets,
  findingSpan,
  imageRunBlocks,
  insertAfter,
  isWithin,
  laterInRun,
  type ToolCommand,
} from './shared/pkg-commands.js';

const CACHE = '/var/cache/apk';
// Alpine's cache link: `/etc/apk/cache` points into /var/cache/apk when the local package cache is on.
const CACHE_LINK = '/etc/apk/cache';

export default defineRule({
  id: 'apk-no-cache',
  severity: 'info',
  description: '`apk add` without `--no-cache` leaves the package index in the image',
  refs: { hadolint: ['DL3019'] },
  basis: ['apk(8): --no-cache', 'Docker best practices: keep images small'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const run of imageRunBlocks(model)) {
      const mounts = ephemeralMountTargets(run.instruction);
      if (mounts.some((target) => isWithin(CACHE, target) || isWithin(CACHE_LINK, target))) continue;
      for (const command of run.commands) {
        if (command.program !== 'apk') continue;
        const line = parseCommandLine(command.args, APK_OPTIONS);
        const subcommand = line.operands[0];
        if (subcommand?.value !== 'add' || line.opaque) continue;
        if (line.options.some((option) => option.name === 'no-cache')) continue;
        if (laterInRun(command, deletesApkCache)) continue;
        const edit = insertAfter(command, subcommand, ' --no-cache');
        report({
          span: findingSpan(run, command.span),
          message: `\`apk add\` without \`--no-cache\` keeps the package index it downloaded (with \`--update\` or after \`apk update\`) in \`${CACHE}\`, and so in the image layer. Use \`apk add --no-cache\`, which fetches the index without storing it.`,
          ...(edit ? { fix: { safety: 'safe' as const, title: 'Add `--no-cache`', edits: [edit] } } : {}),
        });
      }
    }
  },
});

function deletesApkCache(command: ToolCommand): boolean {
  return deletesDirectory(command, CACHE);
}
