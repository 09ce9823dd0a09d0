import { defineRule } from '../engine/types.js';
import { fromImage } from './shared/image-ref.js';

export default defineRule({
  id: 'untagged-base-image',
  severity: 'warning',
  description: 'FROM names an image without a tag or digest, so every build pulls whatever `latest` is',
  refs: { hadolint: ['DL3006'] },
  basis: ['Dockerfile reference: FROM', 'Docker best practices: FROM'],
  fixable: 'never',
  check({ model, report }) {
    for (const stage of model.stages) {
      const image = fromImage(model, stage);
      if (image?.base.kind !== 'image') continue;
      const { reference, tag, digest, expandedWith } = image.base;
      if (tag !== null || digest) continue;
      const expansion =
        expandedWith.length > 0
          ? ` With the default${expandedWith.length > 1 ? 's' : ''} of ${expandedWith.map((name) => `\`ARG ${name}\``).join(', ')}, \`${image.raw}\` becomes \`${reference}\`.`
          : '';
      report({
        span: image.span,
        message: `\`${reference}\` has no tag, so Docker pulls \`${reference}:latest\`: whatever that tag points to on the day of the build, so two builds of the same commit can get different base images and break without a change here.${expansion} Pin a version tag (\`${reference}:<version>\`) or a digest (\`@sha256:…\`).`,
      });
    }
  },
});
