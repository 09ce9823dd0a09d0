import { defineRule } from '../engine/types.js';
import { reportOverridden } from './shared/runtime-repeated.js';

export default defineRule({
  id: 'single-entrypoint',
  severity: 'warning',
  description: 'Only the last ENTRYPOINT of a stage takes effect',
  refs: { hadolint: ['DL4004'], buildkit: ['MultipleInstructionsDisallowed'] },
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'never',
  check({ model, report }) {
    reportOverridden(
      model,
      'ENTRYPOINT',
      report,
      (overridden, winner, line) =>
        `This \`${overridden.rawKeyword}\` never takes effect: the \`${winner.rawKeyword}\` on line ${line}, later in the same stage, replaces it, so containers start that program instead. Keep only one ENTRYPOINT per stage.`,
    );
  },
});
