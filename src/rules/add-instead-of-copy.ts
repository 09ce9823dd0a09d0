import type { InstructionNode, Stage } from '../engine/model.js';
import { defineRule, type Fix } from '../engine/types.js';
import {
  commandLineSpan,
  copyArguments,
  expandAt,
  hasVariable,
  isArchiveName,
  isRemoteSource,
  type PathWord,
} from './shared/copy-args.js';
import { keywordLike } from './shared/vars-scope.js';

/** Flags only ADD accepts: with them, COPY would fail. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

type SourceKind = 'remote' | 'archive' | 'heredoc' | 'local' | 'unknown';

export default defineRule({
  id: 'add-instead-of-copy',
  severity: 'error',
  description: 'ADD copies local files that are not archives: use COPY',
  refs: { hadolint: ['DL3020'] },
  basis: ['Dockerfile reference: ADD', 'Docker best practices: ADD or COPY'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const node of stage.instructions) {
        // An ONBUILD ADD runs in a child build, but what it copies is decided here all the same.
        const add = node.keyword === 'ADD' ? node : node.trigger?.keyword === 'ADD' ? node.trigger : null;
        if (!add) continue;
        const { sources } = copyArguments(add);
        // A trigger's variables take their values in the child build, which this file cannot see.
        const kinds = sources.map((source) => sourceKind(add === node ? stage : null, add, source));
        const local = sources.filter((_, i) => kinds[i] === 'local');
        if (local.length === 0 || kinds.includes('unknown')) continue;
        const names = local.map((source) => `\`${source.value}\``).join(', ');
        const zip = local.find((source) => /\.zip$/i.test(source.value));
        const zipNote = zip
          ? ` ADD does not unpack \`.zip\` files either: \`${zip.value}\` lands as it is, so unzip it in a RUN if that was the intent.`
          : '';
        report({
          span: commandLineSpan(add),
          message: `${add.rawKeyword} of the local ${local.length > 1 ? 'paths' : 'path'} ${names} does what COPY does, but ADD also fetches URLs and unpacks tar archives, so a reader cannot tell which is meant and a renamed file can silently start being extracted.${zipNote} Use COPY for local files; keep ADD for URLs, git sources and archives to unpack.`,
          fix: fixFor(add, sources, kinds),
        });
      }
    }
  },
});

function sourceKind(stage: Stage | null, node: InstructionNode, source: PathWord): SourceKind {
  if (source.heredoc) return 'heredoc';
  let value = source.value;
  if (hasVariable(source.raw, node.escapeChar)) {
    // A literal scheme or archive extension decides on its own (`https://host/${V}/x`, `app-${V}.tgz`).
    if (isRemoteSource(value)) return 'remote';
    if (isArchiveName(value)) return 'archive';
    const expanded = stage ? expandAt(stage, node, source.raw) : null;
    if (expanded === null) return 'unknown';
    value = expanded;
  }
  if (isRemoteSource(value)) return 'remote';
  if (isArchiveName(value)) return 'archive';
  return 'local';
}

function fixFor(
  node: InstructionNode,
  sources: readonly PathWord[],
  kinds: readonly SourceKind[],
): Fix | undefined {
  if (node.flags.some((flag) => ADD_ONLY_FLAGS.has(flag.name))) return undefined;
  if (!kinds.every((kind) => kind === 'local' || kind === 'heredoc')) return undefined;
  const edits = [{ span: node.keywordSpan, text: keywordLike(node.rawKeyword, 'COPY') }];
  // ADD unpacks whatever a glob or a build argument turns out to name; only literal paths are certain.
  const certain = sources.every((source) => source.heredoc || !/[*?[]|\$/.test(source.raw));
  return certain
    ? { safety: 'safe', title: 'Use COPY', edits }
    : { safety: 'unsafe', title: 'Use COPY (check what the pattern matches)', edits };
}
