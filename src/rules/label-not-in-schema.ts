import { defineRule } from '../engine/types.js';
import { labelPairs, stageLabels } from './shared/labels.js';

export default defineRule({
  id: 'label-not-in-schema',
  severity: 'info',
  description: 'With `strict-labels`, a LABEL sets a label that `label-schema` does not name',
  refs: { hadolint: ['DL3050'] },
  basis: ['Docker docs: Object labels', '.dockerfile-review.yml: strict-labels'],
  fixable: 'never',
  check({ model, policy, report }) {
    const schema = policy.labelSchema;
    if (!policy.strictLabels || Object.keys(schema).length === 0) return;
    for (const stage of model.stages) {
      for (const node of stageLabels(stage, { triggers: true })) {
        for (const { key } of labelPairs(node)) {
          // A key built from a variable may well be one of the schema's.
          if (key.variable || Object.hasOwn(schema, key.value)) continue;
          report({
            span: key.span,
            message: `The label \`${key.value}\` is not in \`label-schema\`, and \`strict-labels\` allows only the labels the schema names, so that every label on the images is one the organisation agreed on. Add it to the schema or remove it (check the spelling against the schema's names).`,
          });
        }
      }
    }
  },
});
