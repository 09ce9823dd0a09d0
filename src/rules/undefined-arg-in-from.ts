import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'undefined-arg-in-from',
  severity: 'warning',
  description: 'FROM uses a variable that no global ARG declares',
  refs: { buildkit: ['UndefinedArgInFrom'] },
  basis: ['GUIDANCE.md: ARG 2'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
