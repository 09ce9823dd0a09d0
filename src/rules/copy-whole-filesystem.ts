import { posix } from 'node:path';
import { defineRule } from '../engine/types.js';
import { commandLineSpan, copyArguments, flagNamed } from './shared/copy-args.js';

export default defineRule({
  id: 'copy-whole-filesystem',
  severity: 'warning',
  description: '`COPY --from=… / /` copies a whole filesystem over the image',
  refs: { hadolint: ['DL3067'] },
  basis: ['Dockerfile reference: COPY --from', 'Docker docs: Multi-stage builds'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const node of stage.instructions) {
        if (node.keyword !== 'COPY') continue;
        const from = flagNamed(node, 'from');
        if (!from?.value) continue;
        const { sources, destination } = copyArguments(node);
        if (!destination || !isRoot(destination.value) || !sources.some((source) => isRoot(source.value)))
          continue;
        const written = `\`${node.rawKeyword} --from=${from.value} / /\``;
        const intoScratch = stage.parent === null && stage.base.toLowerCase() === 'scratch';
        report({
          span: commandLineSpan(node),
          message: intoScratch
            ? `${written} fills this empty image with every file of \`${from.value}\`: the layers are flattened, but every tool, cache and package database of it comes along, and none of its ENV, USER, WORKDIR or ENTRYPOINT does. Copy only the files the application needs.`
            : `${written} copies the whole filesystem of \`${from.value}\` over this image: its package database, /etc/passwd and whatever tools and caches it holds replace this image's own, and the image grows by all of it. Copy only the directories the application needs, or build this stage FROM \`${from.value}\` if you want all of it.`,
        });
      }
    }
  },
});

/** `/`, `//`, `/.`, `"/"`: the root directory, however written. */
function isRoot(path: string): boolean {
  return path.startsWith('/') && posix.normalize(path) === '/';
}
