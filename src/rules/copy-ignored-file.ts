import { commandForm, spanIn, splitWords } from '../engine/lexer.js';
import type { InstructionNode, Stage } from '../engine/model.js';
import type { Span } from '../engine/source.js';
import { defineRule } from '../engine/types.js';
import {
  cleanPath,
  excludedBy,
  excludesWholeContext,
  mayBeReincluded,
  parseDockerignore,
} from './shared/buildkit-dockerignore.js';
import { onFirstLine } from './shared/buildkit-location.js';
import { expandAt } from './shared/copy-args.js';

export default defineRule({
  id: 'copy-ignored-file',
  severity: 'warning',
  description: 'COPY or ADD names a path that `.dockerignore` keeps out of the build context',
  refs: { buildkit: ['CopyIgnoredFile'] },
  basis: ['Dockerfile reference: .dockerignore file', 'BuildKit build checks: CopyIgnoredFile'],
  fixable: 'never',
  check({ model, report, dockerignore }) {
    if (dockerignore === null) return;
    // A file Docker would refuse fails the build on its own; nothing here could be trusted.
    const ignore = parseDockerignore(dockerignore);
    if (ignore === null || ignore.patterns.length === 0) return;
    const wholeContextIgnored = excludesWholeContext(ignore);
    for (const stage of model.stages) {
      for (const node of stage.instructions) {
        if (node.keyword !== 'COPY' && node.keyword !== 'ADD') continue;
        // `--from` copies from a stage, an image or a named context, never from this build context.
        if (node.flags.some((flag) => flag.name.toLowerCase() === 'from')) continue;
        for (const source of localSources(stage, node)) {
          // Sources are relative to the context root even when written `/x` (BuildKit misses those).
          const path = cleanPath(source.value).replace(/^\/+/, '') || '.';
          // Only a catch-all pattern can leave nothing of the context root to copy.
          if (path === '.' && !wholeContextIgnored) continue;
          // An exception may bring back part of what is copied: then the copy may well find files.
          if (mayBeReincluded(ignore, path)) continue;
          const match = excludedBy(ignore, path);
          if (match === null) continue;
          const what = path === '.' ? 'the whole build context' : `\`${source.value}\``;
          report({
            span: onFirstLine(model.source, node, source.span),
            message: `${node.rawKeyword} source ${what} is excluded by \`.dockerignore\` (pattern \`${match.pattern.text}\` on line ${match.pattern.line}): it is never sent to the builder, so this ${node.rawKeyword} fails with "not found" or copies nothing. Copy something else, or add \`!${path === '.' ? '<path>' : path}\` to \`.dockerignore\`.`,
          });
        }
      }
    }
  },
});

interface Source {
  readonly value: string;
  readonly span: Span;
}

/** The sources read from the build context, expanded; heredocs, URLs, git sources and unknown variables left out. */
function localSources(stage: Stage, node: InstructionNode): Source[] {
  const text = node.args.text;
  const form = commandForm(text);
  let words: { raw: string; value: string; span: Span; heredoc: boolean }[];
  if (form.kind === 'exec') {
    words = form.argv.map((value, i) => ({
      raw: value,
      value,
      span: spanIn(node.args, form.elements[i].start, form.elements[i].end),
      heredoc: false,
    }));
  } else {
    words = splitWords(text, node.escapeChar).map((word) => ({
      raw: word.raw,
      value: word.value,
      span: spanIn(node.args, word.start, word.end),
      heredoc: node.heredocs.length > 0 && word.raw.startsWith('<<'),
    }));
  }
  const sources: Source[] = [];
  for (const word of words.slice(0, -1)) {
    if (word.heredoc) continue;
    const value = word.raw.includes('$') ? expandAt(stage, node, word.raw) : word.value;
    if (value === null || value === '' || isRemote(value)) continue;
    sources.push({ value, span: word.span });
  }
  return sources;
}

/** URLs and git repositories: ADD fetches them, they are not in the build context. */
function isRemote(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) || /^git@[^:/\s]+:/.test(value);
}
