import { lookup } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import {
  ephemeralMountTargets,
  findingSpan,
  imageRunBlocks,
  insertAfter,
  laterInRun,
  normalizePath,
  type ToolCommand,
} from './shared/pkg-commands.js';
import { pipInstall } from './shared/pkg-pip.js';

/**
 * pip reads `PIP_NO_CACHE_DIR` with strtobool and, for backward compatibility, turns the cache off for
 * false values too (pip's `_handle_no_cache_dir`): any boolean word disables it.
 */
const BOOLEAN = /^(?:y|yes|t|true|on|1|n|no|f|false|off|0)$/i;

export default defineRule({
  id: 'pip-no-cache-dir',
  severity: 'warning',
  description: '`pip install` keeps its download cache in the image',
  refs: { hadolint: ['DL3042'] },
  basis: ['pip documentation: Caching', 'Docker best practices: keep images small'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const run of imageRunBlocks(model)) {
      const { stage } = run;
      // ONBUILD triggers run in a later build, which sees every ENV of this image.
      const fromEnv = lookup(stage, 'PIP_NO_CACHE_DIR', run.onbuild ? Infinity : run.instruction.index);
      if (fromEnv && disablesCache(fromEnv.value)) continue;
      if (ephemeralMountTargets(run.instruction).some(coversPipCache)) continue;
      for (const command of run.commands) {
        const install = pipInstall(command);
        if (!install || install.line.opaque) continue;
        if (install.line.options.some((option) => isNoCacheDir(option.name))) continue;
        if (command.env.has('PIP_NO_CACHE_DIR') && disablesCache(command.env.get('PIP_NO_CACHE_DIR') ?? null))
          continue;
        if (laterInRun(command, clearsPipCache)) continue;
        const edit = insertAfter(command, install.subcommand, ' --no-cache-dir');
        report({
          span: findingSpan(run, command.span),
          message:
            "`pip install` keeps every package it downloads or builds in pip's cache (`~/.cache/pip`), which stays in the image layer. Add `--no-cache-dir`, or set `ENV PIP_NO_CACHE_DIR=1`.",
          ...(edit ? { fix: { safety: 'safe' as const, title: 'Add `--no-cache-dir`', edits: [edit] } } : {}),
        });
      }
    }
  },
});

/** A value set at build time (`$X`) is given the benefit of the doubt; an empty one makes pip fail. */
function disablesCache(value: string | null): boolean {
  return value === null || /[$`]/.test(value) || BOOLEAN.test(value.trim());
}

/** `--no-cache-dir`, or an unambiguous abbreviation of it as optparse accepts (`--no-cache`). */
function isNoCacheDir(name: string): boolean {
  return name.length >= 'no-ca'.length && 'no-cache-dir'.startsWith(name);
}

/** `pip cache purge`, or `rm -rf ~/.cache/pip` (`/root/.cache`, ...) later in the RUN. */
function clearsPipCache(command: ToolCommand): boolean {
  if (/^pip(?:\d+(?:\.\d+)*)?$/.test(command.program))
    return command.args[0]?.value === 'cache' && command.args[1]?.value === 'purge';
  if (command.program !== 'rm') return false;
  return command.args.some(
    (word) => word.value !== null && coversPipCache(normalizePath(word.value.replace(/\/\*$/, ''))),
  );
}

/** A cache or tmpfs mount on a `.cache/pip` directory (or the `.cache` above it). */
function coversPipCache(target: string): boolean {
  return /(?:^|\/)\.cache(?:\/pip)?$/.test(target);
}
