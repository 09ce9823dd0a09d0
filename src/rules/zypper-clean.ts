import { defineRule } from '../engine/types.js';
import { checkCleanup } from './shared/rpm-rules.js';

export default defineRule({
  id: 'zypper-clean',
  severity: 'warning',
  description: 'zypper installs packages and the RUN never runs `zypper clean`: the cache stays in the image',
  refs: { hadolint: ['DL3036'] },
  basis: ['Docker best practices: RUN (package caches)', 'zypper(8): clean'],
  fixable: 'sometimes',
  check(context) {
    checkCleanup(context, ['zypper']);
  },
});
