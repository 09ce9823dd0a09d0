import { lookup } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { type CommandLine, optionValues, parseCommandLine, YARN_OPTIONS } from './shared/pkg-args.js';
import {
  ephemeralMountTargets,
  findingSpan,
  imageRunBlocks,
  isWithin,
  laterInRun,
  normalizePath,
  type ToolCommand,
} from './shared/pkg-commands.js';

/** Options that make bare `yarn` print something instead of installing. */
const NOT_INSTALLING = new Set(['version', 'v', 'help', 'h']);
/** Yarn 1's cache (`/usr/local/share/.cache/yarn` for root, `~/.cache/yarn`) and Yarn 2+'s (`~/.yarn/berry`). */
const CACHE_DIRECTORY =
  /(?:^|\/)(?:\.cache(?:\/yarn(?:\/v\d+)?)?|\.yarn(?:\/berry)?(?:\/cache)?|\.yarn-cache)$/;

export default defineRule({
  id: 'yarn-cache-not-cleaned',
  severity: 'info',
  description: '`yarn install` leaves its package cache in the image',
  refs: { hadolint: ['DL3060'] },
  basis: ['Yarn documentation: yarn cache clean', 'Docker best practices: keep images small'],
  fixable: 'never',
  check({ model, report }) {
    for (const run of imageRunBlocks(model)) {
      const { stage } = run;
      const mounts = ephemeralMountTargets(run.instruction);
      const envFolder = lookup(stage, 'YARN_CACHE_FOLDER', run.onbuild ? Infinity : run.instruction.index);
      for (const command of run.commands) {
        const install = yarnInstall(command);
        if (!install) continue;
        const folder =
          optionValues(install.line, 'cache-folder')[0] ??
          command.env.get('YARN_CACHE_FOLDER') ??
          envFolder?.value ??
          null;
        const mounted = mounts.some(
          (target) => CACHE_DIRECTORY.test(target) || (folder !== null && isWithin(folder, target)),
        );
        if (mounted || laterInRun(command, cleansCache)) continue;
        report({
          span: findingSpan(run, command.span),
          message: `\`${install.label}\` keeps a copy of every package it downloads in yarn's cache, and this RUN does not clear it, so the image carries the packages twice. End the same RUN with \`yarn cache clean\`, or mount a cache on the cache folder.`,
        });
      }
    }
  },
});

/** `yarn`, `yarn install`, `yarn add pkg`, `yarn global add pkg`: the commands that fill the cache. */
function yarnInstall(command: ToolCommand): { line: CommandLine; label: string } | null {
  if (command.program !== 'yarn') return null;
  const line = parseCommandLine(command.args, YARN_OPTIONS);
  const [first, second] = line.operands.map((word) => word.value);
  if (first === undefined)
    return line.options.some((option) => NOT_INSTALLING.has(option.name)) ? null : { line, label: 'yarn' };
  if (first === 'install' || first === 'add') return { line, label: `yarn ${first}` };
  if (first === 'global' && second === 'add') return { line, label: 'yarn global add' };
  return null;
}

/** `yarn cache clean`, or deleting the cache folder (`rm -rf /usr/local/share/.cache/yarn`, `$(yarn cache dir)`). */
function cleansCache(command: ToolCommand): boolean {
  if (command.program === 'yarn') {
    const operands = parseCommandLine(command.args, YARN_OPTIONS).operands.map((word) => word.value);
    return operands[0] === 'cache' && operands[1] === 'clean';
  }
  if (command.program !== 'rm') return false;
  return command.args.some((word) =>
    word.value === null
      ? /yarn\s+cache\s+dir/.test(word.raw)
      : CACHE_DIRECTORY.test(normalizePath(word.value.replace(/\/\*$/, ''))),
  );
}
