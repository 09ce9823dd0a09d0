import { defineRule } from '../engine/types.js';
import { exposedPorts } from './shared/buildkit-expose-ports.js';
import { onFirstLine } from './shared/buildkit-location.js';

export default defineRule({
  id: 'expose-invalid-format',
  severity: 'warning',
  description: 'EXPOSE gives a host IP or host port, which only `docker run -p` can use',
  refs: { buildkit: ['ExposeInvalidFormat'] },
  basis: ['Dockerfile reference: EXPOSE', 'BuildKit build checks: ExposeInvalidFormat'],
  fixable: 'sometimes',
  check({ model, report }) {
    for (const { instruction, word, spec } of exposedPorts(model)) {
      if (spec.protocolProblem !== null || (spec.hostIp === '' && spec.hostPort === '')) continue;
      const containerOnly =
        spec.protocol === '' ? spec.containerPort : `${spec.containerPort}/${spec.protocol}`;
      const mapping = spec.hostIp === '' ? 'a host port' : 'a host address and port';
      report({
        span: onFirstLine(model.source, instruction, word.span),
        message: `\`${word.value}\` gives ${mapping}, which EXPOSE cannot use: the image only records container port \`${containerOnly}\`, and the mapping is silently dropped (BuildKit will make this an error). Publish ports with \`docker run -p\`, and write \`${containerOnly}\` here.`,
        // The fix keeps exactly what the image records; a specification Docker refuses is left to expose-port-range.
        ...(word.plain && spec.problem === null
          ? {
              fix: {
                safety: 'safe' as const,
                title: `Expose only \`${containerOnly}\``,
                edits: [{ span: word.span, text: containerOnly }],
              },
            }
          : {}),
      });
    }
  },
});
