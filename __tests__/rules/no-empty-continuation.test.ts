import rule from '../../src/rules/no-empty-continuation.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'upstream: a continuation without an empty line',
      code: '\nFROM scratch\nCOPY Dockerfile \\\n.\n',
    },
    {
      name: 'a comment line is the documented way to separate parts',
      code: 'FROM debian\nRUN apt-get update \\\n#\n  && apt-get install -y curl',
    },
    { name: 'empty lines between instructions', code: 'FROM alpine\n\nRUN a\n\n\nCMD ["x"]' },
    { name: 'empty lines in a heredoc body', code: 'FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF' },
    {
      name: 'a backslash that is not the escape character',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\\n\nCMD ["cmd"]',
    },
    { name: 'a backslash inside the line', code: 'FROM alpine\nRUN printf "a\\\\n" \\\n  && true' },
  ],
  invalid: [
    {
      name: 'upstream testNoEmptyContinuation: reported on the instruction’s last line',
      code: '\nFROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n',
      errors: [{ line: 6, message: 'Empty line 5 inside this continued `COPY` is skipped', fix: 'safe' }],
      output:
        '\nFROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n.\nCOPY Dockerfile \\\n.\n',
    },
    {
      name: 'several empty lines, blanks only, CRLF',
      code: 'FROM debian\r\nRUN apt-get update \\\r\n   \r\n  && apt-get install -y curl \\\r\n\r\n  && rm -rf /var/lib/apt/lists/*\r\n',
      errors: [{ line: 6, message: 'Empty lines 3, 5' }],
      output:
        'FROM debian\r\nRUN apt-get update \\\r\n  && apt-get install -y curl \\\r\n  && rm -rf /var/lib/apt/lists/*\r\n',
    },
    {
      name: 'an empty line does not end the instruction: the next one is swallowed (unsafe fix)',
      code: 'FROM alpine\nRUN apk add curl \\\n\nCMD ["curl", "--version"]',
      errors: [{ line: 4, message: '`CMD` on line 4 becomes part of the `RUN`', fix: 'unsafe' }],
      unsafeOutput: 'FROM alpine\nRUN apk add curl\n\nCMD ["curl", "--version"]',
    },
    {
      name: 'with # escape=` and a lowercase keyword',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nrun powershell -Command `\n\n    Write-Host hi',
      errors: [{ line: 5, message: 'continued `run`' }],
      output:
        '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nrun powershell -Command `\n    Write-Host hi',
    },
    {
      name: 'a comment and an empty line; the heredoc after the command line is not read',
      code: 'FROM alpine\nCOPY --chmod=755 \\\n# the script\n\n  <<EOF /entrypoint.sh\n#!/bin/sh\n\nexec "$@"\nEOF',
      errors: [{ line: 5 }],
      output:
        'FROM alpine\nCOPY --chmod=755 \\\n# the script\n  <<EOF /entrypoint.sh\n#!/bin/sh\n\nexec "$@"\nEOF',
    },
    {
      name: 'an empty line at the end of the file',
      code: 'FROM alpine\nRUN echo hi \\\n\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine\nRUN echo hi \\\n',
    },
  ],
});
