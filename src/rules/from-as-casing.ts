import { defineRule } from '../engine/types.js';
import { onFirstLine } from './shared/buildkit-location.js';
import { asKeyword } from './shared/buildkit-stages.js';

export default defineRule({
  id: 'from-as-casing',
  severity: 'warning',
  description: 'The `AS` of a FROM is not in the same case as the `FROM` keyword',
  refs: { buildkit: ['FromAsCasing'] },
  basis: ['BuildKit build checks: FromAsCasing'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      const keyword = stage.from.rawKeyword;
      const upper = keyword === keyword.toUpperCase();
      const lower = keyword === keyword.toLowerCase();
      // A mixed-case `From` is consistent-instruction-casing's finding; there is no case to match here.
      if (upper === lower) continue;
      const as = asKeyword(stage);
      if (as === null) continue;
      const wanted = upper ? 'AS' : 'as';
      if (as.text === wanted) continue;
      report({
        span: onFirstLine(model.source, stage.from, as.span),
        message: `\`${as.text}\` does not match the case of \`${keyword}\`: Docker accepts any case, but BuildKit warns about the mix (FromAsCasing). Write \`${keyword} ... ${wanted}\`.`,
        fix: { safety: 'safe', title: `Write \`${wanted}\``, edits: [{ span: as.span, text: wanted }] },
      });
    }
  },
});
