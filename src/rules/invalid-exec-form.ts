import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'invalid-exec-form',
  severity: 'error',
  description: 'Text in brackets that is not a JSON array of strings silently runs as a shell command',
  refs: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'sometimes',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
