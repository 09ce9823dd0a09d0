import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'internal-error',
  severity: 'warning',
  description: 'A rule failed on this file; its findings are missing',
  refs: {},
  basis: ['dockerfile-review'],
  fixable: 'never',
  check() {
    // Nothing to check: the engine reports this itself when a rule throws (src/engine/lint.ts).
  },
});
