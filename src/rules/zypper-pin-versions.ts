import { defineRule } from '../engine/types.js';
import { checkPins } from './shared/rpm-rules.js';

export default defineRule({
  id: 'zypper-pin-versions',
  severity: 'warning',
  description: 'zypper installs a package without a version',
  refs: { hadolint: ['DL3037'] },
  basis: ['Docker best practices: RUN (version pinning)', 'zypper(8): install'],
  fixable: 'never',
  check(context) {
    checkPins(context, ['zypper']);
  },
});
