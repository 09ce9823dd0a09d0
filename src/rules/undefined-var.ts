import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'undefined-var',
  severity: 'warning',
  description: 'A variable Docker expands is not defined in the stage',
  refs: { buildkit: ['UndefinedVar'] },
  basis: ['GUIDANCE.md: ARG 2', 'Dockerfile reference: Environment replacement'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
