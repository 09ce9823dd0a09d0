import { defineRule } from '../engine/types.js';
import { reportOverridden } from './shared/runtime-repeated.js';

export default defineRule({
  id: 'single-cmd',
  severity: 'warning',
  description: 'Only the last CMD of a stage takes effect',
  refs: { hadolint: ['DL4003'], buildkit: ['MultipleInstructionsDisallowed'] },
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'never',
  check({ model, report }) {
    reportOverridden(
      model,
      'CMD',
      report,
      (overridden, winner, line) =>
        `This \`${overridden.rawKeyword}\` never takes effect: the \`${winner.rawKeyword}\` on line ${line}, later in the same stage, replaces it, so containers run that command instead. Keep only one CMD per stage.`,
    );
  },
});
