import type { InstructionNode, Stage } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { copyArguments, hasVariable, type PathWord } from './shared/copy-args.js';
import { type ArgWord, type OptionSpec, parseCommandLine } from './shared/pkg-args.js';
import { runBlocks, type ToolCommand } from './shared/pkg-commands.js';

/** Tar archives in a compression ADD unpacks (identity, gzip, bzip2, xz), by name. */
const TAR_ARCHIVE = /\.(?:tar(?:\.(?:gz|bz2|xz))?|tgz|tbz2?|tb2|txz)$/i;

/** tar(1): the options that take a value. */
const TAR_OPTIONS: OptionSpec = {
  shortWithValue: 'fCTXbgKNVILHF',
  longWithValue: [
    'file',
    'directory',
    'files-from',
    'exclude-from',
    'exclude',
    'strip-components',
    'transform',
    'xform',
    'use-compress-program',
    'owner',
    'group',
    'mode',
    'format',
    'blocking-factor',
    'record-size',
    'newer',
    'after-date',
    'to-command',
    'checkpoint-action',
    'index-file',
    'info-script',
    'new-volume-script',
    'tape-length',
    'volno-file',
    'rsh-command',
    'label',
  ],
};

/**
 * Options after which `ADD` would not give the same files: a part of the archive, renamed paths, files
 * not overwritten or owned differently, a compression ADD does not read, output elsewhere than the disk.
 */
const NOT_LIKE_ADD = new Set([
  'O',
  'to-stdout',
  'to-command',
  'strip-components',
  'transform',
  'xform',
  'exclude',
  'X',
  'exclude-from',
  'T',
  'files-from',
  'wildcards',
  'I',
  'use-compress-program',
  'zstd',
  'lzip',
  'lzma',
  'lzop',
  'one-top-level',
  'k',
  'keep-old-files',
  'skip-old-files',
  'keep-newer-files',
  'no-same-owner',
  'no-same-permissions',
  'owner',
  'group',
  'mode',
  'newer',
  'N',
  'after-date',
]);

interface CopiedArchive {
  readonly copy: InstructionNode;
  readonly source: PathWord;
  /** File names the archive may have after the COPY: its own, or the destination's when it renames. */
  readonly names: readonly string[];
}

export default defineRule({
  id: 'copy-archive-then-extract',
  severity: 'info',
  description:
    "A tar archive is COPY'd and then unpacked by a RUN: ADD unpacks it without keeping the archive in a layer",
  refs: { hadolint: ['DL3010'] },
  basis: ['Dockerfile reference: ADD (local tar archives)', 'Docker best practices: ADD or COPY'],
  fixable: 'never',
  check({ model, source, report }) {
    // Per stage, the archives by the file name they have after the COPY.
    const copied = new Map<Stage, Map<string, CopiedArchive[]>>();
    for (const stage of model.stages) {
      const byName = new Map<string, CopiedArchive[]>();
      for (const node of stage.instructions) {
        if (node.keyword !== 'COPY') continue;
        for (const archive of archivesOf(node)) {
          for (const name of archive.names) byName.set(name, [...(byName.get(name) ?? []), archive]);
        }
      }
      copied.set(stage, byName);
    }
    const reported = new Set<PathWord>();
    for (const run of runBlocks(model)) {
      const byName = run.onbuild || !run.instruction.stage ? undefined : copied.get(run.instruction.stage);
      if (!byName || byName.size === 0) continue;
      for (const command of run.commands) {
        const archive = command.program === 'tar' ? extractedArchive(command) : null;
        const name = archive?.split('/').pop();
        for (const entry of (name && byName.get(name)) || []) {
          if (entry.copy.index > run.instruction.index || reported.has(entry.source)) continue;
          reported.add(entry.source);
          const line = source.locate(run.instruction.span).line;
          report({
            span: entry.source.span,
            message: `\`${entry.source.value}\` is copied into the image and unpacked by \`tar\` in the RUN on line ${line}: the archive itself stays in this COPY's layer, even if that RUN deletes it. \`ADD ${entry.source.value} <dir>/\` unpacks it in one step, or the RUN can read it through a bind mount (\`RUN --mount=type=bind,source=${entry.source.value},target=/tmp/${name} tar -xf /tmp/${name} ...\`) so it never lands in a layer.`,
          });
        }
      }
    }
  },
});

function archivesOf(copy: InstructionNode): CopiedArchive[] {
  // `COPY --from` takes the archive from another stage or image; ADD cannot.
  if (copy.flags.some((flag) => flag.name === 'from')) return [];
  const { sources, destination } = copyArguments(copy);
  if (!destination) return [];
  const renamed =
    sources.length === 1 && !destination.value.endsWith('/') && !hasVariable(destination.raw, copy.escapeChar)
      ? destination.value.split('/').pop()
      : undefined;
  return sources
    .filter(
      (word) =>
        !word.heredoc &&
        !hasVariable(word.raw, copy.escapeChar) &&
        !/[*?[]/.test(word.value) &&
        TAR_ARCHIVE.test(word.value),
    )
    .map((word) => ({
      copy,
      source: word,
      names: [word.value.split('/').pop() ?? '', ...(renamed ? [renamed] : [])],
    }));
}

/** The archive a `tar` command unpacks whole, or null (not extracting, a part of it, or not like ADD). */
function extractedArchive(command: ToolCommand): string | null {
  const words = command.args;
  const first = words[0]?.value;
  if (first === undefined || first === null) return null;
  let options: { name: string; value: string | null }[];
  let operands: ArgWord[];
  if (/^[A-Za-z]+$/.test(first)) {
    // Old style, `tar xzf app.tgz`: the letters that take a value take the next words, in order.
    options = [];
    let next = 1;
    for (const letter of first) {
      const takesValue = (TAR_OPTIONS.shortWithValue ?? '').includes(letter);
      options.push({ name: letter, value: takesValue ? (words[next++]?.value ?? null) : null });
    }
    const rest = parseCommandLine(words.slice(next), TAR_OPTIONS);
    if (rest.opaque) return null;
    options.push(...rest.options);
    operands = [...rest.operands];
  } else {
    const line = parseCommandLine(words, TAR_OPTIONS);
    if (line.opaque) return null;
    options = [...line.options];
    operands = [...line.operands];
  }
  if (!options.some((option) => option.name === 'x' || option.name === 'extract' || option.name === 'get'))
    return null;
  if (options.some((option) => NOT_LIKE_ADD.has(option.name)) || operands.length > 0) return null;
  const file = options.findLast((option) => option.name === 'f' || option.name === 'file');
  return file?.value && file.value !== '-' ? file.value : null;
}
