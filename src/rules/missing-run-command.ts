import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'missing-run-command',
  severity: 'info',
  description: 'The final stage sets no CMD or ENTRYPOINT',
  refs: {},
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 4'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
