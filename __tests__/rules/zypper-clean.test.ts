import rule from '../../src/rules/zypper-clean.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*',
    {
      name: 'cache mount',
      code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl',
    },
    { name: 'refresh alone', code: 'FROM opensuse/leap:15.6\nRUN zypper -n refresh' },
    {
      name: 'builder stage',
      code: 'FROM opensuse/leap:15.6 AS build\nRUN zypper -n in gcc\nFROM scratch\nCOPY --from=build /a /a',
    },
  ],
  invalid: [
    {
      name: 'install without clean: safe fix',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl',
      errors: [{ line: 2, message: '/var/cache/zypp', fix: 'safe' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all',
    },
    {
      name: 'dist-upgrade fills the cache too',
      code: 'FROM opensuse/tumbleweed\nRUN zypper -n dup',
      errors: [{ line: 2, message: '`zypper dup`' }],
      output: 'FROM opensuse/tumbleweed\nRUN zypper -n dup && zypper clean --all',
    },
    {
      name: 'cleaned in another RUN',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl \\\n  git\nRUN zypper clean',
      errors: [{ line: 2, endLine: 2 }],
      output:
        'FROM opensuse/leap:15.6\nRUN zypper -n in curl \\\n  git && zypper clean --all\nRUN zypper clean',
    },
    {
      name: 'ONBUILD',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in make',
      errors: [{ line: 2 }],
      output: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in make && zypper clean --all',
    },
    {
      name: 'clean first, install after',
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean; zypper -n in make; echo done',
      errors: [{ line: 2, fix: 'none' }],
    },
  ],
});
