import { defineRule } from '../engine/types.js';
import { FORMAT_NAMES, formatProblem } from './shared/label-formats.js';
import { labelPairs, stageLabels } from './shared/labels.js';

export default defineRule({
  id: 'label-value-format',
  severity: 'warning',
  description: 'A label that `label-schema` types is empty or not in its type’s format',
  refs: { hadolint: ['DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
  basis: ['Docker docs: Object labels', '.dockerfile-review.yml: label-schema'],
  fixable: 'never',
  check({ model, policy, report }) {
    const schema = policy.labelSchema;
    if (Object.keys(schema).length === 0) return;
    for (const stage of model.stages) {
      for (const node of stageLabels(stage, { triggers: true })) {
        for (const { key, value } of labelPairs(node)) {
          if (key.variable || !Object.hasOwn(schema, key.value)) continue;
          // A value from a variable is known only at build time (`--build-arg`), so it cannot be judged here.
          if (value.variable) continue;
          const type = schema[key.value];
          if (value.value.trim() === '') {
            report({
              span: value.raw === '' ? key.span : value.span,
              message: `The label \`${key.value}\` is empty, but \`label-schema\` requires it with ${FORMAT_NAMES[type]}: an empty label tells the tools that read it nothing, and hides that the value was never filled in. Give it a value.`,
            });
            continue;
          }
          const problem = formatProblem(type, value.value);
          if (problem === null) continue;
          report({
            span: value.span,
            message: `The label \`${key.value}\` should hold ${FORMAT_NAMES[type]} (\`label-schema\` types it \`${type}\`), but \`${shorten(value.value)}\` ${problem}: tools that parse the label get nothing usable.`,
          });
        }
      }
    }
  },
});

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
