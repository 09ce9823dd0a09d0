import { defineRule } from '../engine/types.js';
import { exposedPorts } from './shared/buildkit-expose-ports.js';
import { onFirstLine } from './shared/buildkit-location.js';

export default defineRule({
  id: 'expose-proto-casing',
  severity: 'warning',
  description: 'An EXPOSE protocol is not in lowercase',
  refs: { buildkit: ['ExposeProtoCasing'] },
  basis: ['Dockerfile reference: EXPOSE', 'BuildKit build checks: ExposeProtoCasing'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const { instruction, word, spec } of exposedPorts(model)) {
      // An unknown protocol fails the build: that is expose-port-range's finding.
      if (spec.protocolProblem !== null || spec.protocol === spec.protocol.toLowerCase()) continue;
      const lower = spec.protocol.toLowerCase();
      const fixed = `${word.value.slice(0, word.value.length - spec.protocol.length)}${lower}`;
      report({
        span: onFirstLine(model.source, instruction, word.span),
        message: `The protocol of \`${word.value}\` is not lowercase: Docker lowercases it anyway (the image exposes \`${spec.containerPort}/${lower}\`), and BuildKit warns about the spelling. Write \`${fixed}\`.`,
        ...(word.plain
          ? {
              fix: {
                safety: 'safe' as const,
                title: `Write \`${fixed}\``,
                edits: [{ span: word.span, text: fixed }],
              },
            }
          : {}),
      });
    }
  },
});
