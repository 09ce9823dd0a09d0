import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'unused-arg',
  severity: 'warning',
  description: 'An ARG that nothing reads',
  refs: {},
  basis: ['GUIDANCE.md: ARG 2', 'GUIDANCE.md: ARG 3'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
