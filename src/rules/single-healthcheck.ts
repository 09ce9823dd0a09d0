import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'single-healthcheck',
  severity: 'warning',
  description: 'Only the last HEALTHCHECK of a stage takes effect',
  refs: { hadolint: ['DL3012'], buildkit: ['MultipleInstructionsDisallowed'] },
  basis: ['Dockerfile reference: HEALTHCHECK'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
