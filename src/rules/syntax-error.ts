import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'syntax-error',
  severity: 'error',
  description:
    'The file is not a Dockerfile Docker can build (unknown instruction, unterminated heredoc, no FROM, binary data)',
  refs: { hadolint: ['DL1000', 'DL3061'] },
  basis: ['Dockerfile reference: Format'],
  fixable: 'never',
  check({ model, report }) {
    // The model records what the lenient parser accepted but Docker would refuse; each becomes one finding.
    for (const problem of model.problems) report({ span: problem.span, message: problem.message });
  },
});
