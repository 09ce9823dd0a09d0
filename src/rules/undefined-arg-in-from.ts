import { scanVariables, spanIn, splitWords } from '../engine/lexer.js';
import { type Declaration, PLATFORM_ARGS } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { closestName } from './shared/vars-scope.js';

export default defineRule({
  id: 'undefined-arg-in-from',
  severity: 'warning',
  description: 'FROM uses a variable that no global ARG declares',
  refs: { buildkit: ['UndefinedArgInFrom'] },
  basis: ['GUIDANCE.md: ARG 2'],
  fixable: 'never',
  check({ model, report }) {
    const globalNames = new Set(model.globalArgs.map((declaration) => declaration.name));
    // Beyond a few hundred names "did you mean" is skipped, so that the rule stays linear.
    const candidates = globalNames.size > 200 ? [] : [...globalNames, ...PLATFORM_ARGS];
    // The first stage ARG of each name, to explain why a stage-level declaration does not count.
    const stageArgs = new Map<string, Declaration>();
    for (const stage of model.stages)
      for (const [name, list] of stage.declarations) {
        const arg = list.find((declaration) => declaration.kind === 'arg');
        if (arg && !stageArgs.has(name)) stageArgs.set(name, arg);
      }

    for (const stage of model.stages) {
      const from = stage.from;
      const image = splitWords(from.args.text, model.escapeChar)[0];
      const references = image
        ? scanVariables(image.raw, model.escapeChar).map((ref) => ({
            ...ref,
            span: spanIn(from.args, image.start + ref.start, image.start + ref.end),
          }))
        : [];
      for (const flag of from.flags) {
        if (flag.name.toLowerCase() !== 'platform') continue;
        const raw = model.source.slice(flag.span);
        const valueStart = raw.indexOf('=') + 1;
        if (valueStart === 0) continue;
        for (const ref of scanVariables(raw.slice(valueStart), model.escapeChar))
          references.push({
            ...ref,
            span: {
              start: flag.span.start + valueStart + ref.start,
              end: flag.span.start + valueStart + ref.end,
            },
          });
      }

      const reported = new Set<string>();
      for (const ref of references) {
        if (ref.singleQuoted || globalNames.has(ref.name) || PLATFORM_ARGS.has(ref.name)) continue;
        if (reported.has(ref.name)) continue;
        reported.add(ref.name);
        const suggestion = closestName(ref.name, candidates);
        const inStage = stageArgs.get(ref.name);
        const why = inStage
          ? `\`ARG ${ref.name}\` on line ${model.source.lineIndexAt(inStage.nameSpan.start) + 1} is inside a stage, and FROM sees only the ARGs declared before the first FROM`
          : 'FROM sees only the ARGs declared before the first FROM and the predefined platform ARGs';
        const effect = ref.hasFallback ? 'its fallback is always used' : 'Docker substitutes an empty string';
        const hint = suggestion
          ? ` Did you mean \`$${suggestion}\`?`
          : ` Declare \`ARG ${ref.name}\` (with a default) before the first FROM.`;
        report({
          span: ref.span,
          message: `\`${from.rawKeyword}\` uses \`$${ref.name}\`, which no global ARG declares, so ${effect}: ${why}.${hint}`,
        });
      }
    }
  },
});
