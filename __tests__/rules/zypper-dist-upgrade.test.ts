import rule from '../../src/rules/zypper-dist-upgrade.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n update && zypper clean',
    'FROM opensuse/leap:15.6\nRUN zypper -n patch',
    'FROM opensuse/leap:15.6\nRUN zypper -n in dup',
    'FROM opensuse/leap:15.6\nRUN echo zypper dup',
    { name: 'dnf distro-sync is another tool', code: 'FROM fedora:40\nRUN dnf -y distro-sync' },
    { name: 'a global option value', code: 'FROM opensuse/leap:15.6\nRUN zypper --root dup -n refresh' },
  ],
  invalid: [
    {
      name: 'dist-upgrade',
      code: 'FROM opensuse/tumbleweed\nRUN zypper -n dist-upgrade',
      errors: [{ line: 2, message: 'newer base image' }],
    },
    {
      name: 'dup alias',
      code: 'FROM opensuse/tumbleweed\nRUN zypper --non-interactive dup --allow-vendor-change',
      errors: [{ line: 2, message: '`zypper dup`' }],
    },
    { name: 'ONBUILD', code: 'FROM opensuse/tumbleweed\nONBUILD RUN zypper -n dup', errors: [{ line: 2 }] },
    {
      name: 'heredoc in a second stage',
      code: 'FROM opensuse/leap:15.6 AS a\nFROM opensuse/tumbleweed\nRUN <<EOF\nzypper ref\nzypper -n dup\nEOF',
      errors: [{ line: 3, endLine: 5 }],
    },
    { name: 'sh -c', code: "FROM opensuse/tumbleweed\nRUN sh -c 'zypper -n dup'", errors: [{ line: 2 }] },
  ],
});
