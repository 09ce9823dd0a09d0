import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'exec-form-variable',
  severity: 'warning',
  description: 'A variable in an exec-form argument is never expanded',
  refs: {},
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
