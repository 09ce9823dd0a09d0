import { defineRule } from '../engine/types.js';
import { quoteLiteral } from './shared/buildkit-quote.js';

export default defineRule({
  id: 'maintainer-deprecated',
  // Deprecated, not broken: the build still succeeds (hadolint calls it an error, BuildKit a warning).
  severity: 'warning',
  description: 'MAINTAINER is deprecated; a `maintainer` LABEL records the author',
  refs: { hadolint: ['DL4000'], buildkit: ['MaintainerDeprecated'] },
  basis: ['Dockerfile reference: MAINTAINER (deprecated)'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const node of stage.instructions) {
        if (node.keyword !== 'MAINTAINER') continue;
        // Docker keeps the text as written (quotes included) and expands nothing in it.
        const author = node.args.text.trim();
        const label = `${node.rawKeyword === node.rawKeyword.toLowerCase() ? 'label' : 'LABEL'} maintainer=${quoteLiteral(author, node.escapeChar)}`;
        report({
          span: node.span,
          message: `\`${node.rawKeyword}\` is deprecated: it only fills the image's legacy Author field, which tools showing image labels do not read. Use \`${label}\` (or \`org.opencontainers.image.authors\`).`,
          ...(author === ''
            ? {}
            : {
                fix: {
                  safety: 'safe' as const,
                  title: 'Use a `maintainer` LABEL',
                  edits: [{ span: node.span, text: label }],
                },
              }),
        });
      }
    }
  },
});
