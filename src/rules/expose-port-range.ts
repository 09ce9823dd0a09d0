import { defineRule } from '../engine/types.js';
import { exposedPorts } from './shared/buildkit-expose-ports.js';
import { onFirstLine } from './shared/buildkit-location.js';

export default defineRule({
  id: 'expose-port-range',
  severity: 'error',
  description: 'EXPOSE names a port, range or protocol Docker refuses, so the build fails',
  refs: { hadolint: ['DL3011'] },
  basis: ['Dockerfile reference: EXPOSE'],
  fixable: 'never',
  check({ model, report }) {
    for (const { instruction, word, spec } of exposedPorts(model)) {
      if (spec.problem === null) continue;
      report({
        span: onFirstLine(model.source, instruction, word.span),
        message: `Docker refuses \`EXPOSE ${word.value}\`: ${spec.problem}, so the build fails at this instruction. Ports are 0-65535, optionally a range \`start-end\`, followed by \`/tcp\`, \`/udp\` or \`/sctp\`.`,
      });
    }
  },
});
