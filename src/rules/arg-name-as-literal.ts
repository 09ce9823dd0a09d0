import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'arg-name-as-literal',
  severity: 'warning',
  description: 'An exec-form argument is the name of an ARG, passed literally',
  refs: {},
  basis: ['GUIDANCE.md: ARG 3', 'GUIDANCE.md: The example that the guidance itself gets wrong'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
