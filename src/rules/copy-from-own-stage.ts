import { defineRule } from '../engine/types.js';
import { fromReferences, resolveFrom, stageLabel, stagesByName } from './shared/copy-from.js';

export default defineRule({
  id: 'copy-from-own-stage',
  severity: 'error',
  description: '`COPY --from` or `RUN --mount=from=` names the stage it is in',
  refs: { hadolint: ['DL3023'] },
  basis: ['Dockerfile reference: COPY --from', 'Dockerfile reference: RUN --mount'],
  fixable: 'never',
  check({ model, source, report }) {
    const byName = stagesByName(model);
    for (const stage of model.stages) {
      for (const reference of fromReferences(stage, source)) {
        const target = resolveFrom(model, stage, reference, byName);
        const written = `\`${reference.written}\``;
        if (target.kind === 'self') {
          report({
            span: reference.span,
            message: `${written} names the stage \`${stageLabel(stage)}\` that this line belongs to: a stage cannot read its own result while it is being built, and the build stops with a circular dependency error. Use a plain path (\`RUN cp\`) for files of this stage, or name the stage you meant.`,
          });
        } else if (target.kind === 'cycle') {
          report({
            span: reference.span,
            message: `${written} names the stage \`${stageLabel(target.stage)}\`, which is built FROM this stage: each needs the other first, and the build stops with a circular dependency error. Copy from a stage that does not depend on this one.`,
          });
        }
      }
    }
  },
});
