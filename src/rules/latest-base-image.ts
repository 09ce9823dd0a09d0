import { defineRule } from '../engine/types.js';
import { fromImage } from './shared/image-ref.js';

export default defineRule({
  id: 'latest-base-image',
  severity: 'warning',
  description: 'FROM uses the `latest` tag, which moves with every release of the image',
  refs: { hadolint: ['DL3007'] },
  basis: ['Dockerfile reference: FROM', 'Docker best practices: FROM'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      const image = fromImage(model, stage);
      if (image?.base.kind !== 'image') continue;
      const { reference, tag, digest, expandedWith } = image.base;
      if (tag !== 'latest' || digest) continue;
      const repository = reference.slice(0, reference.length - ':latest'.length);
      const expansion =
        expandedWith.length > 0
          ? ` With the default${expandedWith.length > 1 ? 's' : ''} of ${expandedWith.map((name) => `\`ARG ${name}\``).join(', ')}, \`${image.raw}\` becomes \`${reference}\`.`
          : '';
      report({
        span: image.span,
        message: `\`${reference}\` follows the \`latest\` tag, which the publisher moves to every new release: two builds of the same commit can get different base images, and a major upgrade arrives unannounced.${expansion} Pin a version tag (\`${repository}:<version>\`) or a digest (\`@sha256:…\`).`,
      });
    }
  },
});
