import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'arg-at-runtime',
  severity: 'warning',
  description: 'CMD, ENTRYPOINT or HEALTHCHECK reads a variable that only an ARG defines, empty at run time',
  refs: {},
  basis: ['GUIDANCE.md: ARG 3'],
  fixable: 'sometimes',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
