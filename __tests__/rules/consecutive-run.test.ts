import rule from '../../src/rules/consecutive-run.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN /foo.sh',
    'FROM debian:12\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh',
    { name: 'chained commands mean a deliberate split', code: 'FROM debian:12\nRUN foo && bar\nRUN foobar' },
    { name: 'chained after', code: 'FROM debian:12\nRUN foobar\nRUN foo; bar' },
    {
      name: 'different mounts',
      code: 'FROM debian:12\nRUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh',
    },
    { name: 'different network', code: 'FROM debian:12\nRUN --network=none make test\nRUN make install' },
    {
      name: 'a heredoc with several commands',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN curl --version',
    },
    { name: 'different stages', code: 'FROM debian:12 AS a\nRUN a\nFROM debian:12\nRUN b' },
    { name: 'ONBUILD RUN is not a RUN of this build', code: 'FROM debian:12\nRUN a\nONBUILD RUN b' },
    {
      name: 'PowerShell: commands not counted',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN a\nRUN b',
    },
  ],
  invalid: [
    {
      name: 'two single-command RUNs',
      code: 'FROM debian:12\nRUN /foo.sh\nRUN /bar.sh',
      errors: [{ line: 3, message: 'line 2', severity: 'info' }],
    },
    {
      name: 'comments in between',
      code: 'FROM debian:12\nRUN /foo.sh\n# a comment\n# another\nRUN /bar.sh',
      errors: [{ line: 5 }],
    },
    {
      name: 'same mount flags, in any order',
      code: 'FROM debian:12\nRUN --mount=type=secret,id=foo --network=host /foo.sh\nRUN --network=host --mount=type=secret,id=foo /bar.sh',
      errors: [{ line: 3 }],
    },
    {
      name: 'three in a row after a chained one',
      code: 'FROM debian:12\nRUN foo && bar\nRUN foo\nrun bar',
      errors: [{ line: 4 }],
    },
    {
      name: 'exec form and heredoc of one command',
      code: 'FROM debian:12\nRUN ["make"]\nRUN <<EOF\nmake install\nEOF',
      errors: [{ line: 3, endLine: 5 }],
    },
  ],
});
