import { scanVariables } from '../engine/lexer.js';
import type { Span } from '../engine/source.js';
import { defineRule } from '../engine/types.js';
import { fromReferences, resolveFrom, stagesByName } from './shared/copy-from.js';
import { fromImage } from './shared/image-ref.js';
import { type ImageRegistry, imageRegistry, isTrusted } from './shared/registry.js';

/** Beyond this many entries, the message names the first ones only. */
const MAX_LISTED = 6;

export default defineRule({
  id: 'untrusted-registry',
  severity: 'error',
  description: 'An image comes from a registry that `trusted-registries` does not list',
  refs: { hadolint: ['DL3026'] },
  basis: [
    'Dockerfile reference: FROM',
    'Dockerfile reference: COPY --from',
    '.dockerfile-review.yml: trusted-registries',
  ],
  fixable: 'never',
  check({ model, source, policy, report }) {
    const trusted = policy.trustedRegistries;
    if (trusted.length === 0) return;
    const listed =
      trusted
        .slice(0, MAX_LISTED)
        .map((entry) => `\`${entry}\``)
        .join(', ') + (trusted.length > MAX_LISTED ? `, … (${trusted.length} entries)` : '');

    const judge = (span: Span, what: string, reference: string, escapeChar: string) => {
      const image = imageRegistry(reference, escapeChar);
      if (!image || isTrusted(image, trusted)) return;
      report({
        span,
        message: `${what} comes from ${registryText(image)}, which is not in \`trusted-registries\` (${listed}): an image from elsewhere skips the vetting that list stands for. Pull it through a trusted registry (a mirror or a copy of the image), or add the registry to the list.`,
      });
    };

    const byName = stagesByName(model);
    for (const stage of model.stages) {
      const image = fromImage(model, stage);
      if (image?.base.kind === 'image') {
        const { reference, expandedWith } = image.base;
        const expansion =
          expandedWith.length > 0
            ? ` (\`${image.raw}\` with the default${expandedWith.length > 1 ? 's' : ''} of ${expandedWith.map((name) => `\`ARG ${name}\``).join(', ')})`
            : '';
        judge(image.span, `The base image \`${reference}\`${expansion}`, reference, model.escapeChar);
      }
      for (const reference of fromReferences(stage, source)) {
        const target = resolveFrom(model, stage, reference, byName);
        const value = reference.value;
        // Stages, the build context, scratch and references built from variables are not pulled from a registry.
        const pulled =
          target.kind === 'image-name' ||
          (target.kind === 'skip' &&
            value !== 'context' &&
            value !== 'scratch' &&
            scanVariables(value, reference.node.escapeChar).length === 0);
        if (!pulled) continue;
        judge(
          reference.span,
          `\`${reference.written}\` names no stage, so the image \`${value}\` is pulled: it`,
          value,
          reference.node.escapeChar,
        );
      }
    }
  },
});

function registryText(image: ImageRegistry): string {
  if (image.implied) return 'Docker Hub (`docker.io`, where an image without a registry name resolves)';
  if (image.dockerHub) return `Docker Hub (\`${image.registry}\`)`;
  return `the registry \`${image.registry}\``;
}
