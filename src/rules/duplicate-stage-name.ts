import { defineRule } from '../engine/types.js';
import { lineNumber, onFirstLine } from './shared/buildkit-location.js';
import { stagesByName } from './shared/copy-from.js';

export default defineRule({
  id: 'duplicate-stage-name',
  // BuildKit only warns, but nothing fails: references silently resolve to one of the namesakes.
  severity: 'error',
  description: 'Two stages have the same name, so references to it silently pick one of them',
  refs: { hadolint: ['DL3024'], buildkit: ['DuplicateStageName'] },
  basis: ['Dockerfile reference: FROM', 'BuildKit build checks: DuplicateStageName'],
  fixable: 'never',
  check({ model, report }) {
    // BuildKit compares lowercased names (hadolint compares them as written and misses `Build`/`build`).
    for (const [name, stages] of stagesByName(model)) {
      if (stages.length < 2) continue;
      const first = stages[0];
      const last = stages[stages.length - 1];
      const lastLine = lineNumber(model.source, last.from.span.start);
      for (const stage of stages.slice(1)) {
        if (stage.nameSpan === null) continue;
        report({
          span: onFirstLine(model.source, stage.from, stage.nameSpan),
          message: `Stage name \`${name}\` is already used by the stage on line ${lineNumber(model.source, first.from.span.start)}. The build does not fail: \`COPY --from=${name}\` and \`--target ${name}\` use the last stage of that name (line ${lastLine}) and \`FROM ${name}\` the last one before it, so some references silently get a different stage than their author meant. Rename one of the stages.`,
        });
      }
    }
  },
});
