import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'shell-cmd-after-exec-entrypoint',
  severity: 'warning',
  description: 'A shell-form CMD after an exec-form ENTRYPOINT passes /bin/sh -c as arguments',
  refs: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  basis: ['GUIDANCE.md: ENTRYPOINT and CMD 6'],
  fixable: 'sometimes',
  check() {
    // TODO(placeholder): implemented by the rule's author.
  },
});
