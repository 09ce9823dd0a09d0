import rule from '../../src/rules/zypper-pin-versions.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install 'curl=8.0.1' && zypper clean",
    "FROM opensuse/leap:15.6\nRUN zypper -n in 'git>=2.35' 'make<5'",
    'FROM opensuse/leap:15.6\nRUN zypper -n in /tmp/app-1.0.rpm',
    {
      name: 'patterns have no version',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis',
    },
    { name: 'repository option value', code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -r oss git-2.35.3' },
    { name: 'not install', code: 'FROM opensuse/leap:15.6\nRUN zypper -n rm curl' },
  ],
  invalid: [
    {
      name: 'unpinned',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean',
      errors: [{ line: 2, message: "`'curl=<version>'`" }],
    },
    {
      name: 'several, one pinned',
      code: "FROM opensuse/leap:15.6\nRUN zypper -n in 'git=2.35' vim tar",
      errors: [{ line: 2, message: '`vim` and `tar`' }],
    },
    {
      name: 'type package given explicitly',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -t package nano',
      errors: [{ line: 2 }],
    },
    {
      name: 'ONBUILD and continuation',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in \\\n  gzip',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'sh -c',
      code: 'FROM opensuse/leap:15.6\nRUN sh -c "zypper -n in unzip"',
      errors: [{ line: 2 }],
    },
  ],
});
