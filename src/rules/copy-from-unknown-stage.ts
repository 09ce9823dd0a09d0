import { defineRule } from '../engine/types.js';
import { fromReferences, resolveFrom, stageLabel, stagesByName } from './shared/copy-from.js';
import { closestName } from './shared/vars-scope.js';

/** Beyond this many stages, messages neither list them nor look for a close name (which stays linear). */
const MAX_LISTED_STAGES = 12;

export default defineRule({
  id: 'copy-from-unknown-stage',
  severity: 'warning',
  description: '`COPY --from` or `RUN --mount=from=` names no earlier stage',
  refs: { hadolint: ['DL3022'] },
  basis: ['Dockerfile reference: COPY --from', 'Dockerfile reference: RUN --mount'],
  fixable: 'never',
  check({ model, source, report }) {
    const byName = stagesByName(model);
    const names = model.stages.flatMap((stage) => (stage.name ? [stage.name] : []));
    const lowerNames = names.map((name) => name.toLowerCase());
    for (const stage of model.stages) {
      for (const reference of fromReferences(stage, source)) {
        const target = resolveFrom(model, stage, reference, byName);
        const written = `\`${reference.written}\``;
        if (target.kind === 'bad-index') {
          report({
            span: reference.span,
            severity: 'error',
            message: `${written} names stage ${target.index}, but the file has ${model.stages.length} stage${model.stages.length === 1 ? '' : 's'} (numbered from 0): the build stops with "invalid stage index". Name the stage with \`AS\` and refer to it by that name.`,
          });
        } else if (target.kind === 'later') {
          report({
            span: reference.span,
            severity: 'info',
            message: `${written} names the stage \`${stageLabel(target.stage)}\`, which comes only later, on line ${model.source.lineIndexAt(target.stage.from.span.start) + 1}: BuildKit resolves it, but the classic builder knows only the stages above and pulls an image of that name instead. Move that stage above this one.`,
          });
        } else if (target.kind === 'image-name') {
          // Stage names compare case-insensitively, so the suggestion does too.
          const lowered =
            names.length <= MAX_LISTED_STAGES
              ? closestName(reference.value.toLowerCase(), lowerNames)
              : undefined;
          const suggestion = names.find((name) => name.toLowerCase() === lowered);
          const stageHint = suggestion
            ? `if you meant the stage \`${suggestion}\`, fix the name`
            : names.length === 0
              ? 'this file names no stages'
              : names.length <= MAX_LISTED_STAGES
                ? `if you meant a stage, the stages here are ${names.map((name) => `\`${name}\``).join(', ')}`
                : 'if you meant a stage, check its name';
          report({
            span: reference.span,
            message: `${written} names no stage of this file, so Docker reads \`${reference.value}\` as an image (\`${reference.value}:latest\` from Docker Hub) or a \`--build-context\` of that name: a misspelt stage silently becomes a pull of an unrelated image. If you meant an image, pin it (\`${reference.value}:<version>\`); ${stageHint}.`,
          });
        }
      }
    }
  },
});
