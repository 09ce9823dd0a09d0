import { defineRule } from '../engine/types.js';
import { checkConfirmation } from './shared/rpm-rules.js';

export default defineRule({
  id: 'yum-missing-yes',
  severity: 'warning',
  description: 'yum changes packages without `-y`: the build cannot answer its confirmation prompt',
  refs: { hadolint: ['DL3030'] },
  basis: ['yum(8): -y, --assumeyes'],
  fixable: 'sometimes',
  check(context) {
    checkConfirmation(context, ['yum']);
  },
});
