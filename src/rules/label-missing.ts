import type { Stage } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { fromReferences, resolveFrom, stageLabel, stagesByName } from './shared/copy-from.js';
import { labelPairs, stageLabels } from './shared/labels.js';

export default defineRule({
  id: 'label-missing',
  severity: 'info',
  description: 'A stage that can be built into an image lacks a label that `label-schema` requires',
  refs: { hadolint: ['DL3049'] },
  basis: ['Docker docs: Object labels', '.dockerfile-review.yml: label-schema'],
  fixable: 'never',
  check({ model, source, policy, report }) {
    const required = Object.keys(policy.labelSchema);
    if (required.length === 0 || model.stages.length === 0) return;
    const requiredSet = new Set(required);

    // Stages that other stages build on or copy from are steps toward those, not images of their own.
    const consumed = new Set<Stage>();
    const byName = stagesByName(model);
    for (const stage of model.stages) {
      if (stage.parent) consumed.add(stage.parent);
      for (const reference of fromReferences(stage, source)) {
        const target = resolveFrom(model, stage, reference, byName);
        if (target.kind === 'earlier' || target.kind === 'later' || target.kind === 'cycle')
          consumed.add(target.stage);
      }
    }

    // The labels each stage sets, with those of the stages it is built FROM (an image inherits its base's labels).
    const labelsOf = new Map<Stage, { keys: Set<string>; opaque: boolean }>();
    for (const stage of model.stages) {
      const inherited = stage.parent ? labelsOf.get(stage.parent) : undefined;
      const keys = new Set(inherited?.keys);
      let opaque = inherited?.opaque ?? false;
      for (const node of stageLabels(stage, { triggers: false }))
        for (const { key } of labelPairs(node)) {
          // A key built from a variable may be any of the required ones.
          if (key.variable) opaque = true;
          // Only the required names are kept, so that copying down a long FROM chain stays linear.
          else if (requiredSet.has(key.value)) keys.add(key.value);
        }
      labelsOf.set(stage, { keys, opaque });
    }

    const last = model.stages[model.stages.length - 1];
    for (const stage of model.stages) {
      const labels = labelsOf.get(stage);
      if (consumed.has(stage) || !labels || labels.opaque) continue;
      const missing = required.filter((name) => !labels.keys.has(name));
      if (missing.length === 0) continue;
      const from = stage.from;
      const firstLine = source.lineIndexAt(from.span.start);
      const which =
        stage === last
          ? `The last stage${stage.name ? ` (\`${stage.name}\`)` : ''}, the image \`docker build\` produces by default,`
          : `The stage \`${stageLabel(stage)}\`, which \`docker build --target\` can produce and no other stage uses,`;
      const names = missing.map((name) => `\`${name}\``).join(', ');
      const plural = missing.length > 1;
      report({
        span: { start: from.span.start, end: Math.min(from.span.end, source.lineEnd(firstLine)) },
        message: `${which} lacks the label${plural ? 's' : ''} ${names} that \`label-schema\` requires of every image: registries, scanners and deploy tooling that look ${plural ? 'them' : 'it'} up find nothing. Add \`LABEL ${missing.map((name) => `${name}=…`).join(' ')}\` to this stage or to a stage it is built FROM.`,
      });
    }
  },
});
