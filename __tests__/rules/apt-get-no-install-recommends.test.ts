import rule from '../../src/rules/apt-get-no-install-recommends.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'official-image pattern',
      code: 'FROM debian:bookworm\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y --no-install-recommends ca-certificates curl; \\\n  rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'option before the subcommand',
      code: 'FROM debian\nRUN apt-get --no-install-recommends install -y gcc',
    },
    {
      name: 'apt configuration on the command line',
      code: 'FROM debian\nRUN apt-get install -y -o APT::Install-Recommends=false curl',
    },
    {
      name: 'boolean form of the option',
      code: 'FROM debian\nRUN apt-get install -y --install-recommends=no curl',
    },
    {
      name: 'Install-Recommends turned off in apt.conf.d by an earlier RUN',
      code: 'FROM debian\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl',
    },
    {
      name: 'Install-Recommends turned off by a COPY heredoc in a parent stage',
      code: 'FROM debian AS base\nCOPY <<EOF /etc/apt/apt.conf.d/99norecommends\nAPT::Install-Recommends "false";\nEOF\nFROM base\nRUN apt-get install -y curl',
    },
    {
      name: 'Install-Recommends turned off by a RUN writing a here-document',
      code: 'FROM debian\nRUN cat > /etc/apt/apt.conf.d/99norecommends <<EOF\nAPT::Install-Recommends "false";\nEOF\nRUN apt-get install -y curl',
    },
    { name: 'options hidden in a variable', code: 'FROM debian\nRUN apt-get install $APT_INSTALL_OPTS curl' },
    {
      name: 'other subcommands',
      code: 'FROM debian\nRUN apt-get update && apt-get upgrade -y && apt-get remove -y curl',
    },
    { name: 'apt install is use-apt-get-not-apt', code: 'FROM debian\nRUN apt install -y curl' },
  ],
  invalid: [
    {
      name: 'hadolint DL3015: unsafe fix adds the option after install',
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl',
      errors: [{ line: 2, severity: 'info', fix: 'unsafe' }],
      unsafeOutput:
        'FROM debian:bookworm\nRUN apt-get update && apt-get install --no-install-recommends -y curl',
    },
    {
      name: 'multi-line RUN with sudo',
      code: 'FROM ubuntu\nRUN sudo apt-get update \\\n && sudo apt-get install -y \\\n      build-essential',
      errors: [{ line: 2, endLine: 4, fix: 'unsafe' }],
      unsafeOutput:
        'FROM ubuntu\nRUN sudo apt-get update \\\n && sudo apt-get install --no-install-recommends -y \\\n      build-essential',
    },
    {
      name: 'Install-Recommends set to true does not count; heredoc RUN',
      code: 'FROM debian\nRUN <<EOF\napt-get install -y -o APT::Install-Recommends=true curl\nEOF',
      errors: [{ line: 2, endLine: 3 }],
      unsafeOutput:
        'FROM debian\nRUN <<EOF\napt-get install --no-install-recommends -y -o APT::Install-Recommends=true curl\nEOF',
    },
    {
      name: 'configuration written after the install does not count; ONBUILD',
      code: 'FROM debian\nONBUILD RUN apt-get install -y curl\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends',
      errors: [{ line: 2 }],
    },
    {
      name: 'sh -c script: no fix',
      code: 'FROM debian\nRUN /bin/sh -c "apt-get install -y curl"',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'bash -eo pipefail -c script, shell form and exec form',
      code: 'FROM debian\nRUN bash -eo pipefail -c "apt-get install -y curl"\nRUN ["/bin/bash", "-o", "pipefail", "-c", "apt-get install -y git"]',
      errors: [
        { line: 2, fix: 'none' },
        { line: 3, fix: 'none' },
      ],
    },
  ],
});
