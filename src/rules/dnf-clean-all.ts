import { defineRule } from '../engine/types.js';
import { checkCleanup } from './shared/rpm-rules.js';

export default defineRule({
  id: 'dnf-clean-all',
  severity: 'warning',
  description: 'dnf or microdnf installs packages and the RUN never cleans its cache: it stays in the image',
  refs: { hadolint: ['DL3040'] },
  basis: ['Docker best practices: RUN (package caches)', 'dnf(8): clean'],
  fixable: 'sometimes',
  check(context) {
    checkCleanup(context, ['dnf', 'microdnf']);
  },
});
