import rule from '../../src/rules/invalid-exec-form.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'valid exec form over several lines', code: 'FROM python:3\nCMD ["python", \\\n  "app.py"]' },
    { name: 'empty exec form', code: 'FROM alpine\nCMD []' },
    {
      name: 'the shell test command starts a RUN',
      code: 'FROM alpine\nRUN [ -f /etc/app.conf ] || cp /defaults/app.conf /etc/',
    },
    {
      name: 'a test on a quoted variable is shell, not JSON',
      code: 'FROM alpine\nARG TARGETARCH\nRUN [ "$TARGETARCH" = "amd64" ] && apk add foo',
    },
    {
      name: "bash's [[ test",
      code: 'FROM debian\nSHELL ["/bin/bash", "-c"]\nCMD [[ -n "$DEBUG" ]] && exec app --debug',
    },
    {
      name: 'PowerShell type literal under a PowerShell SHELL',
      code: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN [Environment]::SetEnvironmentVariable('Path', $env:Path + ';C:\\tools', 'Machine')",
    },
    {
      name: 'escaped backslashes in a Windows path are valid JSON',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver\nCMD ["C:\\\\app\\\\run.exe", "--serve"]',
    },
    { name: 'brackets later in a shell-form command', code: 'FROM alpine\nCMD echo [a, b]' },
    { name: 'single quotes inside a JSON string', code: 'FROM alpine\nCMD ["sh", "-c", "echo \'hi\'"]' },
    { name: 'a heredoc body is data, not a command', code: "FROM alpine\nRUN <<EOF\n['not', 'json']\nEOF" },
    { name: 'valid ONBUILD trigger', code: 'FROM alpine\nONBUILD RUN ["make", "install"]' },
    {
      name: 'valid HEALTHCHECK with flags',
      code: 'FROM nginx\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]',
    },
  ],
  invalid: [
    {
      name: 'single quotes: safe fix to double quotes',
      code: "FROM python:3.12-slim\nCMD ['python', 'app.py']",
      errors: [{ line: 2, message: '`/bin/sh: [python,: not found`', fix: 'safe', severity: 'error' }],
      output: 'FROM python:3.12-slim\nCMD ["python", "app.py"]',
    },
    {
      name: 'trailing comma in ENTRYPOINT: safe fix',
      code: 'FROM python:3\nENTRYPOINT ["python", "app.py",]',
      errors: [{ line: 2, message: 'trailing comma', fix: 'safe' }],
      output: 'FROM python:3\nENTRYPOINT ["python", "app.py"]',
    },
    {
      name: 'single quotes and trailing comma over continuation lines keep the layout',
      code: "FROM node:20\nENTRYPOINT ['node', \\\n  'server.js', \\\n  ]",
      errors: [{ line: 2, endLine: 4, message: 'single quotes', fix: 'safe' }],
      output: 'FROM node:20\nENTRYPOINT ["node", \\\n  "server.js" \\\n  ]',
    },
    {
      name: 'lower-case keyword, spaced brackets: the shell runs its test command',
      code: "FROM alpine AS build\nRUN true\nFROM alpine\ncmd [ 'serve', '--port', '80' ]",
      errors: [{ line: 4, message: /^`cmd` .*`\[` test command/, fix: 'safe' }],
      output: 'FROM alpine AS build\nRUN true\nFROM alpine\ncmd [ "serve", "--port", "80" ]',
    },
    {
      name: 'HEALTHCHECK CMD with flags: every check fails',
      code: "FROM nginx\nHEALTHCHECK --interval=30s CMD ['curl', '-f', 'http://localhost/']",
      errors: [{ line: 2, message: 'unhealthy', fix: 'safe' }],
      output: 'FROM nginx\nHEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]',
    },
    {
      name: 'RUN with a mount flag fails the build',
      code: "FROM python:3\nRUN --mount=type=cache,target=/root/.cache ['pip', 'install', 'flask']",
      errors: [{ line: 2, message: 'the build fails at this step', fix: 'safe' }],
      output: 'FROM python:3\nRUN --mount=type=cache,target=/root/.cache ["pip", "install", "flask"]',
    },
    {
      name: 'ONBUILD trigger fails in child images',
      code: "FROM node:20\nONBUILD RUN ['npm', 'ci']",
      errors: [{ line: 2, message: 'in every image built FROM this one', fix: 'safe' }],
      output: 'FROM node:20\nONBUILD RUN ["npm", "ci"]',
    },
    {
      name: 'escape directive: backtick continuation',
      code: "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver\nCMD ['app.exe', `\n  '--serve']",
      errors: [{ line: 3, endLine: 4, fix: 'safe' }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver\nCMD ["app.exe", `\n  "--serve"]',
    },
    {
      name: 'missing comma: unsafe fix (two literals could also have meant one string)',
      code: 'FROM python:3\nCMD ["python" "app.py"]',
      errors: [{ line: 2, message: 'a comma is missing', fix: 'unsafe' }],
      unsafeOutput: 'FROM python:3\nCMD ["python", "app.py"]',
    },
    {
      name: 'words after the closing bracket: unsafe fix moves them in',
      code: 'FROM python:3\nCMD ["gunicorn", "app:app"] --bind 0.0.0.0:80',
      errors: [{ line: 2, message: 'followed by `--bind 0.0.0.0:80`', fix: 'unsafe' }],
      unsafeOutput: 'FROM python:3\nCMD ["gunicorn", "app:app", "--bind", "0.0.0.0:80"]',
    },
    {
      name: 'an end-of-line comment: no fix',
      code: 'FROM python:3\nCMD ["python", "app.py"] # start the app',
      errors: [{ line: 2, message: 'no end-of-line comments', fix: 'none' }],
    },
    {
      name: 'missing closing bracket: unsafe fix',
      code: 'FROM python:3\nCMD ["python", "app.py"\nEXPOSE 80',
      errors: [{ line: 2, message: 'closing `]` is missing', fix: 'unsafe' }],
      unsafeOutput: 'FROM python:3\nCMD ["python", "app.py"]\nEXPOSE 80',
    },
    {
      name: 'unquoted words: unsafe fix',
      code: 'FROM python:3\nENTRYPOINT [python, app.py]',
      errors: [{ line: 2, message: '`python` is not in double quotes', fix: 'unsafe' }],
      unsafeOutput: 'FROM python:3\nENTRYPOINT ["python", "app.py"]',
    },
    {
      name: 'a non-string element is a hard build error',
      code: 'FROM alpine\nCMD ["sleep", 10]',
      errors: [{ line: 2, message: 'refuses to build', fix: 'none' }],
    },
    {
      name: 'adjacent single-quoted strings: joining is as likely as a comma, no fix',
      code: "FROM alpine\nCMD ['echo', 'it''s']",
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'a double quote inside single quotes: no fix',
      code: "FROM alpine\nCMD ['sh', '-c', 'echo \"hi\"']",
      errors: [{ line: 2, message: 'single quotes', fix: 'none' }],
    },
    {
      name: 'a Windows path with a bare backslash',
      code: 'FROM mcr.microsoft.com/windows/nanoserver\nCMD ["C:\\app\\run.exe"]',
      errors: [{ line: 2, message: 'is not a JSON escape', fix: 'none' }],
    },
  ],
});
