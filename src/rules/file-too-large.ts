import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'file-too-large',
  severity: 'warning',
  description: 'The file is over the size limit and was not linted',
  refs: {},
  basis: ['dockerfile-review: max-file-size'],
  fixable: 'never',
  check() {
    // Nothing to check: the engine reports this itself before parsing an oversized file (src/engine/lint.ts).
  },
});
