import { spanIn, splitWords } from '../engine/lexer.js';
import { defineRule } from '../engine/types.js';

/** What the Dockerfile reference forbids as an ONBUILD trigger, and why. */
const FORBIDDEN: Readonly<Record<string, string>> = {
  ONBUILD: 'triggers cannot be chained',
  FROM: 'a trigger cannot start a new stage in the child build',
  MAINTAINER: 'MAINTAINER is not allowed as a trigger',
};

export default defineRule({
  id: 'onbuild-forbidden-trigger',
  severity: 'error',
  description: 'ONBUILD triggers ONBUILD, FROM or MAINTAINER, which Docker refuses',
  refs: { hadolint: ['DL3043'] },
  basis: ['Dockerfile reference: ONBUILD'],
  fixable: 'never',
  check({ model, report }) {
    for (const node of model.instructions) {
      if (node.keyword !== 'ONBUILD') continue;
      const word = splitWords(node.args.text, node.escapeChar)[0];
      if (!word) continue;
      const trigger = word.value.toUpperCase();
      const reason = FORBIDDEN[trigger];
      if (!reason) continue;
      const triggerSpan = spanIn(node.args, word.start, word.end);
      report({
        span: { start: node.keywordSpan.start, end: triggerSpan.end },
        message: `Docker's parser refuses \`${node.rawKeyword} ${word.raw}\` (${reason}), so this file does not build at all, not only the images built FROM it.${trigger === 'MAINTAINER' ? ' Use `LABEL maintainer="…"`, directly or as the trigger.' : ''}`,
      });
    }
  },
});
