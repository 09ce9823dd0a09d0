import rule from '../../src/rules/sudo.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y sudo',
    'FROM debian:12\nRUN echo "dev ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev',
    'FROM debian:12\nRUN command -v sudo || echo no sudo',
    'FROM debian:12\nUSER root\nRUN apt-get install -y curl\nUSER app',
    {
      name: 'sudo in a heredoc written to a file by cat',
      code: 'FROM debian:12\nRUN cat <<EOF > /usr/local/bin/x\nsudo ls\nEOF',
    },
    { name: 'single-quoted word', code: "FROM debian:12\nRUN echo 'sudo make install'" },
    {
      name: 'PowerShell SHELL',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN sudo x',
    },
  ],
  invalid: [
    {
      name: 'as root by default',
      code: 'FROM debian:12\nRUN sudo apt-get install -y curl',
      errors: [{ line: 2, message: 'Unless the base image sets another USER', severity: 'error' }],
    },
    {
      name: 'after USER in a parent stage',
      code: 'FROM debian:12 AS base\nUSER dev\nFROM base\nRUN sudo make install',
      errors: [{ line: 4, message: 'runs as `dev`' }],
    },
    {
      name: 'sudo -u: suggests runuser or USER',
      code: 'FROM postgres:16\nUSER root\nRUN sudo -u postgres initdb',
      errors: [{ line: 3, message: 'runuser' }],
    },
    {
      name: 'inside sh -c and a heredoc body',
      code: 'FROM debian:12\nRUN sh -c "sudo ls"\nRUN <<EOF\nset -e\nsudo ls\nEOF',
      errors: [{ line: 2 }, { line: 3, endLine: 5 }],
    },
    {
      name: 'one finding per RUN',
      code: 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl',
      errors: [{ line: 2 }],
    },
    {
      name: 'inside bash -o pipefail -c',
      code: "FROM debian:12\nRUN bash -o pipefail -c 'sudo ls | wc -l'",
      errors: [{ line: 2 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12\nONBUILD RUN sudo ./setup.sh',
      errors: [{ line: 2, message: 'ONBUILD trigger' }],
    },
    {
      name: 'continuation, lower-case instruction',
      code: 'FROM debian:12\nrun apt-get update \\\n && sudo apt-get install -y x',
      errors: [{ line: 2, endLine: 3 }],
    },
  ],
});
