// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/apt-get-pin-versions.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'every package pinned, official-image layout with continuation lines',
      code: 'FROM debian:bookworm\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y --no-install-recommends \\\n    ca-certificates=20230311 \\\n    curl=7.88.1-10+deb12u5 \\\n  ; \\\n  rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'a variable as the version counts as pinned',
      code: 'FROM debian\nARG CURL_VERSION=7.88.1-10\nRUN apt-get install -y "curl=${CURL_VERSION}" git=1:2.39.2-1.1',
    },
    {
      name: 'a package list in a variable cannot be judged',
      code: 'FROM debian\nRUN apt-get install -y $BUILD_DEPS "${RUNTIME_DEPS}"',
    },
    {
      name: 'a target release names the version source',
      code: 'FROM debian\nRUN apt-get install -y -t bookworm-backports golang-go/bookworm-backports',
    },
    {
      name: 'the value of -t is not a package',
      code: 'FROM debian\nRUN apt-get install -y --target-release bookworm-backports curl=8.5.0-1~bpo12+1',
    },
    {
      name: 'local .deb files and paths',
      code: 'FROM debian\nRUN apt-get install -y ./google-chrome-stable_current_amd64.deb /tmp/pkgs/tool.deb',
    },
    {
      name: 'the value of -o is not a package',
      code: 'FROM debian\nRUN apt-get -o Dpkg::Options::=--force-confnew install -y tzdata=2024a-0+deb12u1',
    },
    {
      name: 'apt-get update and remove are not installs',
      code: 'FROM debian\nRUN apt-get update && apt-get remove -y curl && apt-get purge -y wget',
    },
    {
      name: 'removal suffix in an install transaction',
      code: 'FROM debian\nRUN apt-get install -y nano=7.2-1 vim-tiny-',
    },
    {
      name: 'apt-get install in a comment line of a continuation',
      code: 'FROM debian\nRUN echo start \\\n# apt-get install curl\n && echo done',
    },
    {
      name: 'text after echo is not a command',
      code: 'FROM debian\nRUN echo "apt-get install curl" > /notes.txt',
    },
    {
      name: 'PowerShell SHELL: no POSIX shell rules',
      code: 'FROM mcr.microsoft.com/windows/servercore\nSHELL ["powershell", "-Command"]\nRUN apt-get install curl',
    },
    { name: 'apt (not apt-get) is use-apt-get-not-apt', code: 'FROM debian\nRUN apt install -y curl' },
  ],
  invalid: [
    {
      name: 'hadolint DL3008: unpinned packages, reported from the RUN line',
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl wget',
      errors: [{ line: 2, endLine: 2, message: '`curl` and `wget`', fix: 'none' }],
    },
    {
      name: 'multi-line RUN: the span runs to the last unpinned package',
      code: 'FROM ubuntu:22.04\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n      ca-certificates \\\n      curl=7.81.0-1ubuntu1.15 \\\n      gnupg \\\n && rm -rf /var/lib/apt/lists/*',
      errors: [{ line: 2, endLine: 6, message: '`ca-certificates` and `gnupg`' }],
    },
    {
      name: 'quoted package names are still packages; sudo and env are looked through',
      code: 'FROM debian\nRUN sudo DEBIAN_FRONTEND=noninteractive apt-get install -y "jq"\nRUN env DEBIAN_FRONTEND=noninteractive apt-get -qq install \'make\'',
      errors: [
        { line: 2, message: '`jq`' },
        { line: 3, message: '`make`' },
      ],
    },
    {
      name: 'heredoc RUN body and ONBUILD RUN',
      code: 'FROM debian AS base\nRUN <<EOF\nset -e\napt-get update\napt-get install -y tini\nEOF\nONBUILD RUN apt-get install -y git',
      errors: [
        { line: 2, endLine: 5, message: '`tini`' },
        { line: 7, message: '`git`' },
      ],
    },
    {
      name: 'sh -c script and exec-form shell, lower-case keyword',
      code: 'FROM debian\nrun sh -c "apt-get install -y curl"\nRUN ["/bin/bash", "-c", "apt-get install -y htop"]',
      errors: [{ line: 2 }, { line: 3, message: '`htop`' }],
    },
    {
      name: 'a variable in the middle of a name does not make a version',
      code: 'FROM debian\nARG PY=3.11\nRUN apt-get install -y "python${PY}-dev" libpq-dev=15.6-0+deb12u1 ${PREFIX}-tools',
      errors: [{ line: 3, message: 'of `"python${PY}-dev"` and `${PREFIX}-tools` the archive' }],
    },
    {
      name: 'many packages are summarised; backtick escape directive',
      code: '# escape=`\nFROM debian\nRUN apt-get install -y a b `\n  c d e',
      errors: [{ line: 3, endLine: 4, message: '`a`, `b` and 3 more' }],
    },
  ],
});
