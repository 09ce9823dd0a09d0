import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'cmd-ignored-by-shell-entrypoint',
  severity: 'warning',
  description: 'CMD is ignored because ENTRYPOINT uses shell form',
  refs: {},
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 5'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
