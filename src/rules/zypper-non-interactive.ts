import { defineRule } from '../engine/types.js';
import { checkConfirmation } from './shared/rpm-rules.js';

export default defineRule({
  id: 'zypper-non-interactive',
  severity: 'warning',
  description: 'zypper changes packages without `--non-interactive`: the build cannot answer its prompts',
  refs: { hadolint: ['DL3034'] },
  basis: ['zypper(8): --non-interactive, --no-confirm'],
  fixable: 'sometimes',
  check(context) {
    checkConfirmation(context, ['zypper']);
  },
});
