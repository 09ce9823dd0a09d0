import rule from '../../src/rules/pipefail.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | tar -xz',
    'FROM debian:12\nRUN curl -fsSL https://example.com/x -o x.tgz && tar -xzf x.tgz',
    {
      name: 'SHELL inherited from a parent stage (hadolint resets at FROM)',
      code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://example.com/x | tar -xz',
    },
    {
      name: 'set -o pipefail earlier in the RUN',
      code: 'FROM alpine:3.20\nRUN set -euo pipefail; wget -qO- https://example.com/x | tar -xz',
    },
    {
      name: 'bash -o pipefail -c',
      code: "FROM debian:12\nRUN bash -o pipefail -c 'curl -fsSL https://example.com/x | tar -xz'",
    },
    {
      name: 'exec form with pipefail',
      code: 'FROM debian:12\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl -fsSL https://x | tar -xz"]',
    },
    {
      name: 'echo and yes cannot fail',
      code: 'FROM debian:12\nRUN echo "deb http://x y z" | tee /etc/apt/sources.list.d/x.list && yes | apt-get install x',
    },
    { name: 'checksum idiom', code: 'FROM debian:12\nRUN echo "$SHA256  app.tgz" | sha256sum -c -' },
    {
      name: 'PowerShell is not POSIX',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name',
    },
    { name: 'a pipe in quotes is not a pipe', code: "FROM debian:12\nRUN echo 'a | b' > /tmp/x" },
    {
      name: 'heredoc body setting pipefail',
      code: 'FROM debian:12\nRUN <<EOF\n#!/bin/bash\nset -eo pipefail\ncurl -fsSL https://x | tar -xz\nEOF',
    },
    {
      name: 'heredoc run by bash -o pipefail',
      code: 'FROM debian:12\nRUN bash -o pipefail <<EOF\ncurl -fsSL https://x | tar -xz\nEOF',
    },
  ],
  invalid: [
    {
      name: 'default shell',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x | tar -xz',
      errors: [{ line: 2, message: '`curl` is piped' }],
    },
    {
      name: 'SHELL without pipefail',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN wget -qO- https://x | sh',
      errors: [{ line: 3, message: '/bin/bash -c' }],
    },
    {
      name: 'set -o pipefail after the pipe does not count; continuation',
      code: 'FROM debian:12\nRUN cat /etc/os-release | grep ID \\\n && set -o pipefail',
      errors: [{ line: 2 }],
    },
    {
      name: 'echo piped into something that is not the last command still counts when another command leads',
      code: 'FROM debian:12\nRUN echo a | tee /a && curl -fsSL https://x | sh',
      errors: [{ line: 2, message: '`curl`' }],
    },
    {
      name: 'sh -c script inside a bash SHELL with pipefail: the inner shell has none',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN sh -c "curl -fsSL https://x | sh"',
      errors: [{ line: 3, message: 'sh -c` shell' }],
    },
    {
      name: 'heredoc with a shebang does not get the SHELL options',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN <<EOF\n#!/bin/bash\ncurl -fsSL https://x | tar -xz\nEOF',
      errors: [{ line: 3, endLine: 5, message: 'heredoc' }],
    },
    {
      name: 'ONBUILD uses the SHELL the image ends with',
      code: 'FROM debian:12\nONBUILD RUN curl -fsSL https://x | sh\nSHELL ["/bin/bash", "-c"]',
      errors: [{ line: 2, message: '/bin/bash -c' }],
    },
    {
      name: 'exec form sh -c',
      code: 'FROM debian:12\nRUN ["sh", "-c", "curl -fsSL https://x | sh"]',
      errors: [{ line: 2, message: 'exec form' }],
    },
  ],
});
