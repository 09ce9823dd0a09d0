import { rootStage, type Stage } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { commandLineSpan, copyArguments, isWindowsDrivePath } from './shared/copy-args.js';

export default defineRule({
  id: 'copy-relative-dest-without-workdir',
  severity: 'warning',
  description: 'COPY to a relative destination before any WORKDIR is set',
  refs: { hadolint: ['DL3045'] },
  basis: ['Dockerfile reference: COPY', 'Dockerfile reference: WORKDIR'],
  fixable: 'never',
  check({ model, report }) {
    // A WORKDIR anywhere in a parent stage is in effect for all of this stage; parents come first in the file.
    const workdirSet = new Map<Stage, boolean>();
    for (const stage of model.stages) {
      const parent = stage.parent;
      const inherited = parent !== null && (workdirSet.get(parent) ?? false);
      workdirSet.set(stage, inherited || stage.instructions.some((node) => node.keyword === 'WORKDIR'));
      if (inherited) continue;
      for (const node of stage.instructions) {
        if (node.keyword === 'WORKDIR') break;
        if (node.keyword !== 'COPY') continue;
        const { destination } = copyArguments(node);
        if (!destination) continue;
        const path = destination.value;
        // `$HOME/app` and the like are absolute once expanded, as hadolint assumes.
        if (
          path.startsWith('/') ||
          path.startsWith('$') ||
          isWindowsDrivePath(destination.raw.replace(/^["']/, ''))
        )
          continue;
        const base = rootStage(stage).base;
        report({
          span: commandLineSpan(node),
          message: `\`${node.rawKeyword}\` copies to the relative path \`${path}\` while no WORKDIR is set in this stage${stage.parent ? ' or the stages it is built FROM' : ''}: it lands relative to the working directory of \`${base}\`, which is \`/\` unless that image sets one, so where the files end up depends on the base image. Set \`WORKDIR /app\` (or another absolute path) before it, or write an absolute destination.`,
        });
      }
    }
  },
});
