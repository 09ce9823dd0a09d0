import { splitWords } from '../engine/lexer.js';
import { defineRule } from '../engine/types.js';
import { expandWithDefaults, imageReferenceProblem } from './shared/vars-image-ref.js';
import { rawDefaults } from './shared/vars-scope.js';

/**
 * Values BuildKit gives the predefined platform ARGs on a typical builder. They only matter when an image
 * name is built from them (`FROM alpine-${TARGETARCH}`), and any real platform gives a valid name there.
 */
const PLATFORM_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
]);

export default defineRule({
  id: 'invalid-default-arg-in-from',
  severity: 'warning',
  description: 'With the default ARG values, the FROM image is empty or invalid',
  refs: { buildkit: ['InvalidDefaultArgInFrom'] },
  basis: ['GUIDANCE.md: ARG 1'],
  fixable: 'never',
  check({ model, report }) {
    // The global ARG defaults, each expanded against the ones before it, as BuildKit evaluates them.
    const values = new Map(PLATFORM_DEFAULTS);
    const evaluated = new Set<number>();
    for (const { instruction } of model.globalArgs) {
      if (evaluated.has(instruction.index)) continue;
      evaluated.add(instruction.index);
      for (const entry of rawDefaults(instruction.args.text, model.escapeChar)) {
        if (entry.raw === null) continue;
        const expanded = expandWithDefaults(entry.raw, values, model.escapeChar);
        if (expanded) values.set(entry.name, expanded.value);
        else values.delete(entry.name);
      }
    }

    const earlierStageNames = new Set<string>();
    for (const stage of model.stages) {
      const from = stage.from;
      const image = splitWords(from.args.text, model.escapeChar)[0];
      // A constant image name is Docker's own parse error, not a question of ARG defaults.
      const expanded = image?.raw.includes('$')
        ? expandWithDefaults(image.raw, values, model.escapeChar)
        : null;
      const namesStage = expanded !== null && earlierStageNames.has(expanded.value.toLowerCase());
      if (stage.name) earlierStageNames.add(stage.name.toLowerCase());
      if (!image || !expanded || namesStage) continue;
      const problem = imageReferenceProblem(expanded.value);
      if (problem === null) continue;
      const missing = expanded.unset.filter((name) => !values.has(name) || values.get(name) === '');
      const advice =
        missing.length > 0
          ? `Give ${missing.map((name) => `\`ARG ${name}\``).join(', ')} a default before the first FROM, or a fallback such as \`\${${missing[0]}:-...}\`.`
          : 'Fix the default values so that they form an image reference.';
      report({
        span: from.span,
        message: `Without \`--build-arg\`, \`${image.raw}\` becomes ${expanded.value === '' ? 'an empty string' : `\`${expanded.value}\``}, which is not a valid image reference (${problem}): every build that does not pass the ARG fails. ${advice}`,
      });
    }
  },
});
