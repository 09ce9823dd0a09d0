import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'invalid-default-arg-in-from',
  severity: 'warning',
  description: 'With the default ARG values, the FROM image is empty or invalid',
  refs: { buildkit: ['InvalidDefaultArgInFrom'] },
  basis: ['GUIDANCE.md: ARG 1'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
