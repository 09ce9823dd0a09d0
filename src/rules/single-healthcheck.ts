import type { InstructionNode } from '../engine/model.js';
import { defineRule } from '../engine/types.js';
import { reportOverridden } from './shared/runtime-repeated.js';

export default defineRule({
  id: 'single-healthcheck',
  severity: 'warning',
  description: 'Only the last HEALTHCHECK of a stage takes effect',
  refs: { hadolint: ['DL3012'], buildkit: ['MultipleInstructionsDisallowed'] },
  basis: ['Dockerfile reference: HEALTHCHECK'],
  fixable: 'never',
  check({ model, report }) {
    reportOverridden(model, 'HEALTHCHECK', report, (overridden, winner, line) => {
      const later = `the \`${winner.rawKeyword}${isNone(winner) ? ' NONE' : ''}\` on line ${line}, later in the same stage`;
      if (isNone(overridden))
        return `This \`${overridden.rawKeyword} NONE\` has no effect: ${later}, sets the health check again. Keep only one HEALTHCHECK per stage.`;
      if (isNone(winner))
        return `This \`${overridden.rawKeyword}\` never runs: ${later}, turns health checks off. Keep only one HEALTHCHECK per stage.`;
      return `This \`${overridden.rawKeyword}\` never runs: ${later}, replaces it, so only that check decides whether the container is healthy. Keep only one HEALTHCHECK per stage.`;
    });
  },
});

function isNone(instruction: InstructionNode): boolean {
  return /^\s*NONE\s*$/i.test(instruction.args.text);
}
