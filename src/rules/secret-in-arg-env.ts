import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'secret-in-arg-env',
  severity: 'warning',
  description: 'An ARG or ENV name looks like a secret, which stays in the image history',
  refs: { hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'] },
  basis: ['GUIDANCE.md: ARG 4'],
  fixable: 'never',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
