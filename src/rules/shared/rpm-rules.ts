/**
 * The checks the yum, dnf/microdnf and zypper rules share: a transaction that would stop at a confirmation
 * prompt, a cache left in the layer, and packages installed without a version. Each rule file gives its
 * tools and wording; the reading of the command lines is in `rpm-commands.ts`.
 */
import type { RuleContext } from '../../engine/types.js';
import { hasOption } from './pkg-args.js';
import { findingSpan, runBlocks, stagesInImage, type ToolCommand, wordSpan } from './pkg-commands.js';
import {
  answeredByPipe,
  appendAfterLastCommand,
  CACHING_ACTIONS,
  cacheDirectories,
  cacheIsMounted,
  insertionAfter,
  isRpmPinned,
  judgePackages,
  laterCleanup,
  type PackageVerdict,
  PROMPTING_ACTIONS,
  type RpmCommand,
  type RpmTool,
  readRpmCommand,
  setsAssumeYes,
} from './rpm-commands.js';

function* rpmCommands(context: RuleContext, tools: readonly RpmTool[]): Generator<RpmCommand> {
  for (const run of runBlocks(context.model)) {
    for (const command of run.commands) {
      const read = readRpmCommand(command);
      if (read && tools.includes(read.tool)) yield read;
    }
  }
}

function commandText(read: RpmCommand): string {
  return `${read.command.program} ${read.actionText}`;
}

/** yum, dnf and microdnf without `-y`; zypper without `--non-interactive` / `-y`. */
export function checkConfirmation(context: RuleContext, tools: readonly RpmTool[]): void {
  for (const read of rpmCommands(context, tools)) {
    if (!PROMPTING_ACTIONS.has(read.action) || read.opaque || answeredByPipe(read.command)) continue;
    const { command } = read;
    const written = commandText(read);
    if (read.tool === 'zypper') {
      // `-n` is only the global `--non-interactive` before the command; after `install` it is `--name`.
      if (hasOption(read.globalOptions, 'n', 'non-interactive') || hasOption(read.options, 'y', 'no-confirm'))
        continue;
      const nameInstead = hasOption(read.options, 'n')
        ? ` The \`-n\` after \`${read.actionText}\` is \`--name\`, not \`--non-interactive\`: global options go before the command.`
        : '';
      const edit = insertionAfter(command, command.programWord, ' --non-interactive');
      context.report({
        span: findingSpan(command.run, wordSpan(command, read.actionWord)),
        message: `\`${written}\` asks for confirmation before changing packages, and a \`docker build\` has no terminal to answer it: zypper waits or gives up, and the build fails.${nameInstead} Run \`zypper --non-interactive ${read.actionText}\` (or \`zypper -n ${read.actionText}\`).`,
        fix: edit ? { safety: 'safe', title: 'Add `--non-interactive`', edits: [edit] } : undefined,
      });
      continue;
    }
    if (hasOption(read.options, 'y', 'assumeyes', 'assumeno') || setsAssumeYes(read.options)) continue;
    const microdnf =
      read.tool === 'microdnf'
        ? ' Recent microdnf versions ask like dnf; older ones ignore `-y`, so it is right for every version.'
        : '';
    const edit = insertionAfter(command, read.actionWord, ' -y');
    context.report({
      span: findingSpan(command.run, wordSpan(command, read.actionWord)),
      message: `\`${written}\` asks "Is this ok [y/N]" before changing packages, and a \`docker build\` has no terminal to answer it: ${read.tool === 'yum' ? 'yum' : 'dnf'} reads no answer, aborts the transaction and the build fails.${microdnf} Add \`-y\` (\`--assumeyes\`).`,
      fix: edit ? { safety: 'safe', title: 'Add `-y`', edits: [edit] } : undefined,
    });
  }
}

/** A cache-filling command with no cleanup later in the same RUN and no cache mount over the cache. */
export function checkCleanup(context: RuleContext, tools: readonly RpmTool[]): void {
  const inImage = stagesInImage(context.model);
  const pending = new Map<ToolCommand['run'], RpmCommand>();
  for (const read of rpmCommands(context, tools)) {
    const { command } = read;
    const run = command.run;
    // A builder stage's cache never reaches the image (only what COPY --from takes does); a trigger runs in
    // every image built FROM this one.
    if (run.onbuild === null && (!run.instruction.stage || !inImage.has(run.instruction.stage))) continue;
    if (!CACHING_ACTIONS.has(read.action) || cacheIsMounted(command, read.tool)) continue;
    if (laterCleanup(command, read.tool)) continue;
    // One finding per RUN: the last command that leaves the cache behind.
    pending.set(run, read);
  }
  for (const read of pending.values()) {
    const { command, tool } = read;
    const directory = cacheDirectories(tool)[0];
    const where = CACHE_WHERE[tool];
    const clean = tool === 'zypper' ? 'zypper clean --all' : `${command.program} clean all`;
    const edit = appendAfterLastCommand(command, clean);
    context.report({
      span: findingSpan(command.run, wordSpan(command, read.actionWord)),
      message: `\`${commandText(read)}\` leaves the repository metadata it downloaded (and any package kept by \`${tool === 'zypper' ? 'keeppackages' : 'keepcache'}\`) in ${where}, and nothing later in this RUN removes them: they stay in the layer, and a later RUN deleting them cannot shrink the image. End the RUN with \`&& ${clean}\`, or mount the cache: \`RUN --mount=type=cache,target=${directory} ...\`.`,
      fix: edit ? { safety: 'safe', title: `Append \`${clean}\``, edits: [edit] } : undefined,
    });
  }
}

/** Packages (and, for yum/dnf, modules) installed without a version. */
export function checkPins(context: RuleContext, tools: readonly RpmTool[]): void {
  for (const read of rpmCommands(context, tools)) {
    const isModule = read.action === 'module-install';
    if (read.action !== 'install' && !isModule) continue;
    // `zypper install -t pattern devel_basis`: patterns, patches and products have no version to give.
    if (read.tool === 'zypper') {
      const type = read.options.find((option) => option.name === 't' || option.name === 'type');
      if (type && type.value !== 'package') continue;
    }
    const isPinned = isModule ? (spec: string) => spec.includes(':') : isRpmPinned;
    const verdicts: PackageVerdict[] = read.operands.flatMap((word) =>
      judgePackages(read.command, word, isPinned),
    );
    const unpinned = verdicts.filter((verdict) => verdict.pinned === false);
    if (unpinned.length === 0) continue;
    const { command } = read;
    const names = listShown(unpinned.map((verdict) => verdict.shown));
    const example = examplePin(read, unpinned[0]);
    context.report({
      span: findingSpan(command.run, wordSpan(command, unpinned[0].word)),
      message: isModule
        ? `\`${commandText(read)}\` of ${names} without a stream installs whatever stream the repositories make the default on the day of the build, so the same Dockerfile can build a different major version later. Name the stream: ${example}.`
        : `\`${commandText(read)}\` of ${names} without a version installs whatever the repositories hold on the day of the build, so the same Dockerfile can build different software later. Pin the version: ${example}.`,
    });
  }
}

const CACHE_WHERE: Record<RpmTool, string> = {
  yum: '/var/cache/yum (/var/cache/dnf where yum is dnf, EL 8 and later)',
  dnf: '/var/cache/dnf (/var/cache/libdnf5 with dnf 5)',
  microdnf: '/var/cache/yum',
  zypper: '/var/cache/zypp',
};

function listShown(names: readonly string[]): string {
  if (names.length === 1) return names[0];
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

function examplePin(read: RpmCommand, verdict: PackageVerdict): string {
  const name = /^[\w.+-]+$/.test(verdict.spec) ? verdict.spec : 'package';
  if (read.action === 'module-install') return `\`${name}:<stream>\``;
  return read.tool === 'zypper' ? `\`'${name}=<version>'\`` : `\`${name}-<version>\``;
}
