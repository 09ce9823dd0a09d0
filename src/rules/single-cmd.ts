import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'single-cmd',
  severity: 'warning',
  description: 'Only the last CMD of a stage takes effect',
  refs: { hadolint: ['DL4003'], buildkit: ['MultipleInstructionsDisallowed'] },
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
