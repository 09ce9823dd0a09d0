import rule from '../../src/rules/zypper-non-interactive.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl && zypper clean --all',
    'FROM opensuse/leap:15.6\nRUN zypper -n in curl',
    'FROM opensuse/leap:15.6\nRUN zypper install -y curl',
    'FROM opensuse/tumbleweed\nRUN zypper -qn refresh && zypper in --no-confirm git',
    {
      name: 'global option with a value before the command',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --root /target -n install curl',
    },
    {
      name: 'commands that never prompt',
      code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper search curl && zypper clean',
    },
    { name: 'answered by yes', code: 'FROM opensuse/leap:15.6\nRUN yes | zypper install curl' },
    {
      name: 'patterns with -n global',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -n install -t pattern devel_basis',
    },
  ],
  invalid: [
    {
      name: 'install without confirmation flag: safe fix adds --non-interactive',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install curl',
      errors: [{ line: 2, message: 'no terminal', fix: 'safe' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl',
    },
    {
      name: '-n after install is --name (hadolint misses this)',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -n curl',
      errors: [{ line: 2, message: 'is `--name`' }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install -n curl',
    },
    {
      name: 'aliases rm, up, dup, si, patch',
      code: 'FROM opensuse/leap:15.6\nRUN zypper rm nano && zypper up && zypper patch',
      errors: [
        { line: 2, message: '`zypper rm`' },
        { line: 2, message: '`zypper up`' },
        { line: 2, message: '`zypper patch`' },
      ],
      output:
        'FROM opensuse/leap:15.6\nRUN zypper --non-interactive rm nano && zypper --non-interactive up && zypper --non-interactive patch',
    },
    {
      name: 'ONBUILD, heredoc body',
      code: 'FROM opensuse/leap:15.6\nONBUILD RUN <<EOF\nzypper in git\nEOF',
      errors: [{ line: 2, endLine: 3 }],
      output: 'FROM opensuse/leap:15.6\nONBUILD RUN <<EOF\nzypper --non-interactive in git\nEOF',
    },
    {
      name: 'source-install under sudo',
      code: 'FROM opensuse/leap:15.6\nUSER builder\nRUN sudo zypper si bash',
      errors: [{ line: 3 }],
      output: 'FROM opensuse/leap:15.6\nUSER builder\nRUN sudo zypper --non-interactive si bash',
    },
  ],
});
