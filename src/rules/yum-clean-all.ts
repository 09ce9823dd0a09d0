import { defineRule } from '../engine/types.js';
import { checkCleanup } from './shared/rpm-rules.js';

export default defineRule({
  id: 'yum-clean-all',
  severity: 'warning',
  description: 'yum installs packages and the RUN never runs `yum clean all`: the cache stays in the image',
  refs: { hadolint: ['DL3032'] },
  basis: ['Docker best practices: RUN (package caches)', 'yum(8): clean'],
  fixable: 'sometimes',
  check(context) {
    checkCleanup(context, ['yum']);
  },
});
