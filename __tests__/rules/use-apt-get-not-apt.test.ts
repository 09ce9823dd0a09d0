import rule from '../../src/rules/use-apt-get-not-apt.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'apt-get and apt-cache',
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl && apt-cache policy curl',
    },
    {
      name: 'apt as a word of another command',
      code: 'FROM debian\nRUN echo apt install curl && ls /etc/apt',
    },
    {
      name: 'apt-key and aptitude are other programs',
      code: 'FROM debian\nRUN apt-key list && aptitude search curl',
    },
    {
      name: 'a path ending in apt-something',
      code: 'FROM debian\nRUN /usr/lib/apt/apt-helper download-file https://example.com/x /tmp/x',
    },
    {
      name: 'apt in a heredoc written to a file',
      code: 'FROM debian\nRUN cat <<EOF > /usr/local/bin/setup\napt install -y curl\nEOF',
    },
    {
      name: 'PowerShell SHELL',
      code: 'FROM mcr.microsoft.com/windows/servercore\nSHELL ["powershell", "-Command"]\nRUN apt install curl',
    },
    { name: 'CMD is not a RUN', code: 'FROM debian\nCMD ["apt", "list"]' },
  ],
  invalid: [
    {
      name: 'hadolint DL3027: apt install, unsafe fix to apt-get install',
      code: 'FROM ubuntu:22.04\nRUN apt update && apt install -y curl',
      errors: [
        { line: 2, message: '`apt update`', fix: 'unsafe' },
        { line: 2, message: '`apt install`', fix: 'unsafe' },
      ],
      unsafeOutput: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y curl',
    },
    {
      name: 'apt full-upgrade becomes apt-get dist-upgrade; queries become apt-cache',
      code: 'FROM debian\nRUN apt full-upgrade -y\nRUN apt show curl',
      errors: [
        { line: 2, message: 'Use `apt-get dist-upgrade`' },
        { line: 3, message: '`apt-cache show`' },
      ],
      unsafeOutput: 'FROM debian\nRUN apt-get dist-upgrade -y\nRUN apt-cache show curl',
    },
    {
      name: 'apt upgrade and apt list: no equivalent, no fix',
      code: 'FROM debian\nRUN apt upgrade -y && apt list --installed',
      errors: [
        { line: 2, fix: 'none' },
        { line: 2, fix: 'none' },
      ],
    },
    {
      name: 'through sudo and an environment prefix, multi-line',
      code: 'FROM ubuntu\nRUN sudo apt-get update \\\n && DEBIAN_FRONTEND=noninteractive sudo apt install -y tzdata',
      errors: [{ line: 2, endLine: 3, fix: 'unsafe' }],
      unsafeOutput:
        'FROM ubuntu\nRUN sudo apt-get update \\\n && DEBIAN_FRONTEND=noninteractive sudo apt-get install -y tzdata',
    },
    {
      name: 'heredoc body, sh -c and ONBUILD RUN',
      code: 'FROM debian\nRUN <<EOF\napt install -y git\nEOF\nRUN sh -c "apt remove -y vim"\nONBUILD RUN /usr/bin/apt install -y make',
      errors: [
        { line: 2, fix: 'unsafe' },
        { line: 5, fix: 'none' },
        { line: 6, fix: 'none' },
      ],
      unsafeOutput:
        'FROM debian\nRUN <<EOF\napt-get install -y git\nEOF\nRUN sh -c "apt remove -y vim"\nONBUILD RUN /usr/bin/apt install -y make',
    },
  ],
});
