import rule from '../../src/rules/unknown-suppression.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a rule id', code: 'FROM alpine:3.20\n# dockerfile-review ignore=exec-form\nCMD run it' },
    {
      name: 'hadolint codes and BuildKit check names in our pragma, several at once, global',
      code: '# dockerfile-review global ignore=DL3006, JSONArgsRecommended,unused-arg\nFROM alpine\nCMD run it',
    },
    {
      name: "hadolint's own pragma may name codes we do not map (ShellCheck's SC codes)",
      code: 'FROM alpine:3.20\n# hadolint ignore=SC2086,DL3018\nRUN apk add --no-cache curl $PKG',
    },
    {
      name: 'ordinary comments',
      code: '# dockerfile-review runs on this file\nFROM alpine:3.20\nCMD ["true"]',
    },
  ],
  invalid: [
    {
      name: 'a typo: the finding it meant to silence still shows, and the pragma says why',
      code: 'FROM alpine:3.20\n# dockerfile-review ignore=exec-fom\nCMD run it',
      errors: [{ line: 2, message: 'Did you mean `exec-form`?' }],
    },
    {
      name: 'one bad name among good ones, in a global pragma',
      code: '# dockerfile-review global ignore=unused-arg,no-such-check\nFROM alpine:3.20\nCMD ["true"]',
      errors: [{ line: 1, message: '`no-such-check` is not a rule id' }],
    },
    {
      name: 'an unknown hadolint-style code in our pragma',
      code: 'FROM alpine:3.20\n# dockerfile-review ignore=DL9999\nCMD ["true"]',
      errors: [{ line: 2, message: /silences nothing\.$/ }],
    },
  ],
});
