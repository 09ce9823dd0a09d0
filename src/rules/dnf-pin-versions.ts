import { defineRule } from '../engine/types.js';
import { checkPins } from './shared/rpm-rules.js';

export default defineRule({
  id: 'dnf-pin-versions',
  severity: 'warning',
  description: 'dnf or microdnf installs a package without a version (or a module without a stream)',
  refs: { hadolint: ['DL3041'] },
  basis: ['Docker best practices: RUN (version pinning)'],
  fixable: 'never',
  check(context) {
    checkPins(context, ['dnf', 'microdnf']);
  },
});
