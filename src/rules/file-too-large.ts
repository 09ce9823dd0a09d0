import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'file-too-large',
  severity: 'warning',
  description: 'The file is over the size limit and was not linted',
  refs: {},
  basis: ['dockerfile-review: max-file-size'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
