// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/apt-get-missing-yes.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: '-y after install', code: 'FROM debian\nRUN apt-get update && apt-get install -y curl' },
    { name: '-y before the subcommand, clustered', code: 'FROM debian\nRUN apt-get -qy install curl' },
    {
      name: '--yes and --assume-yes',
      code: 'FROM debian\nRUN apt-get install --yes curl && apt-get --assume-yes upgrade',
    },
    {
      name: '-qq implies -y (apt-get(8))',
      code: 'FROM debian\nRUN apt-get install -qq curl && apt-get -q -q remove wget && apt-get -q=2 purge vim',
    },
    { name: 'yes piped into apt-get', code: 'FROM debian\nRUN yes | apt-get install curl' },
    {
      name: 'Assume-Yes set with -o',
      code: 'FROM debian\nRUN apt-get -o APT::Get::Assume-Yes=true install curl',
    },
    {
      name: 'Assume-Yes written to apt.conf.d in a parent stage',
      code: 'FROM debian AS base\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90assumeyes\nFROM base\nRUN apt-get install curl',
    },
    {
      name: 'Assume-Yes written earlier in the same RUN',
      code: 'FROM debian\nRUN echo \'APT::Get::Assume-Yes "1";\' > /etc/apt/apt.conf.d/90yes && apt-get install curl',
    },
    {
      name: 'options hidden in a variable',
      code: 'FROM debian\nARG APT_OPTS="-y -q"\nRUN apt-get install ${APT_OPTS} curl',
    },
    { name: 'simulation asks nothing', code: 'FROM debian\nRUN apt-get install -s curl' },
    {
      name: 'update, clean and download ask nothing',
      code: 'FROM debian\nRUN apt-get update && apt-get clean && apt-get download curl',
    },
    { name: 'apt (not apt-get) is another rule', code: 'FROM debian\nRUN apt install curl' },
    {
      name: 'PowerShell SHELL',
      code: 'FROM mcr.microsoft.com/windows/servercore\nSHELL ["pwsh", "-Command"]\nRUN apt-get install curl',
    },
  ],
  invalid: [
    {
      name: 'hadolint DL3014: safe fix adds -y after install',
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install curl',
      errors: [{ line: 2, message: 'Abort.', fix: 'safe' }],
      output: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl',
    },
    {
      name: 'exec form without a shell: reported, no fix inside the JSON array',
      code: 'FROM debian\nRUN ["apt-get", "install", "curl"]',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'a single -q does not answer (hadolint accepts it)',
      code: 'FROM debian\nRUN apt-get -q install curl',
      errors: [{ line: 2, fix: 'safe' }],
      output: 'FROM debian\nRUN apt-get -q install -y curl',
    },
    {
      name: 'multi-line RUN with DEBIAN_FRONTEND prefix',
      code: 'FROM ubuntu:22.04\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get install --no-install-recommends \\\n      tzdata \\\n && rm -rf /var/lib/apt/lists/*',
      errors: [{ line: 2, endLine: 4, fix: 'safe' }],
      output:
        'FROM ubuntu:22.04\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\\n      tzdata \\\n && rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'upgrade, remove and autoremove ask too (hadolint checks install only)',
      code: 'FROM debian\nRUN apt-get upgrade && apt-get autoremove',
      errors: [
        { line: 2, message: '`apt-get upgrade`' },
        { line: 2, message: '`apt-get autoremove`' },
      ],
      output: 'FROM debian\nRUN apt-get upgrade -y && apt-get autoremove -y',
    },
    {
      name: 'heredoc body and ONBUILD RUN are fixed in place',
      code: 'FROM debian\nRUN <<EOF\napt-get update\napt-get install curl\nEOF\nONBUILD RUN apt-get install git',
      errors: [{ line: 2, endLine: 4 }, { line: 6 }],
      output:
        'FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nONBUILD RUN apt-get install -y git',
    },
    {
      name: 'non-ASCII text before the command: the fix lands after install',
      code: 'FROM debian\nLABEL description="café ☕"\nRUN echo "café ☕ 𝄞" && apt-get install curl',
      errors: [{ line: 3 }],
      output: 'FROM debian\nLABEL description="café ☕"\nRUN echo "café ☕ 𝄞" && apt-get install -y curl',
    },
    {
      name: 'a variable named for packages is taken for packages, not for -y',
      code: 'FROM debian\nARG BUILD_DEPS="gcc make"\nRUN apt-get install --no-install-recommends $BUILD_DEPS',
      errors: [{ line: 3 }],
      output:
        'FROM debian\nARG BUILD_DEPS="gcc make"\nRUN apt-get install -y --no-install-recommends $BUILD_DEPS',
    },
    {
      name: 'inside sh -c and exec form: reported without a fix',
      code: 'FROM debian\nRUN sh -c "apt-get install curl"\nRUN ["bash", "-c", "apt-get install curl"]',
      errors: [
        { line: 2, fix: 'none' },
        { line: 3, fix: 'none' },
      ],
    },
    {
      name: 'Assume-Yes written after the command, or in an unrelated stage, does not count',
      code: 'FROM debian AS other\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nFROM debian\nRUN apt-get install curl\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes',
      errors: [{ line: 4 }],
      output:
        'FROM debian AS other\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nFROM debian\nRUN apt-get install -y curl\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes',
    },
  ],
});
