import { defineRule } from '../engine/types.js';
import { checkConfirmation } from './shared/rpm-rules.js';

export default defineRule({
  id: 'dnf-missing-yes',
  severity: 'warning',
  description:
    'dnf or microdnf changes packages without `-y`: the build cannot answer its confirmation prompt',
  refs: { hadolint: ['DL3038'] },
  basis: ['dnf(8): -y, --assumeyes'],
  fixable: 'sometimes',
  check(context) {
    checkConfirmation(context, ['dnf', 'microdnf']);
  },
});
