import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'shell-wrapper-without-exec',
  severity: 'warning',
  description: 'A sh -c wrapper does not exec its command, so the program misses signals',
  refs: {},
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 5'],
  fixable: 'sometimes',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
