import exe from '../../src/rules/exec-form.js';
import { testRule } from '../support/rule-tester.js';

testRule(exe, {
  valid: [
    'FROM alpine\nCMD ["nginx", "-g", "daemon off;"]',
    'FROM alpine\nENTRYPOINT ["python", \\\n  "app.py"]',
    {
      name: 'SHELL set earlier in the stage: shell form is deliberate',
      code: 'FROM mcr.microsoft.com/windows\nSHELL ["powershell", "-Command"]\nCMD Write-Host hi',
    },
    {
      name: 'SHELL inherited from a parent stage',
      code: 'FROM alpine AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nCMD echo hi',
    },
    {
      name: 'HEALTHCHECK shell form is not flagged (as BuildKit)',
      code: 'FROM alpine\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1',
    },
    { name: 'invalid JSON is invalid-exec-form, not this rule', code: "FROM alpine\nCMD ['a', 'b']" },
    { name: 'RUN in shell form is normal', code: 'FROM alpine\nRUN apk add curl' },
    {
      name: 'ONBUILD CMD is not dispatched in this build',
      code: 'FROM alpine\nONBUILD CMD echo hi\nCMD ["x"]',
    },
    { name: 'empty exec form', code: 'FROM alpine\nCMD []' },
  ],
  invalid: [
    {
      name: 'simple command: safe fix to JSON',
      code: 'FROM alpine\nCMD nginx -g daemon-off',
      errors: [{ line: 2, message: 'not PID 1', fix: 'safe' }],
      output: 'FROM alpine\nCMD ["nginx", "-g", "daemon-off"]',
    },
    {
      name: 'ENTRYPOINT says CMD is ignored; quotes are unwrapped',
      code: 'FROM python:3\nENTRYPOINT python "my app.py"',
      errors: [{ line: 2, message: 'CMD and `docker run` arguments are ignored', fix: 'safe' }],
      output: 'FROM python:3\nENTRYPOINT ["python", "my app.py"]',
    },
    {
      name: 'variables need a shell: unsafe fix only',
      code: 'FROM alpine\nCMD server --port $PORT',
      errors: [{ line: 2, fix: 'unsafe' }],
      unsafeOutput: 'FROM alpine\nCMD ["/bin/sh", "-c", "exec server --port $PORT"]',
    },
    {
      name: 'chained commands: no fix',
      code: 'FROM alpine\nCMD migrate && serve',
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'multi-line shell form spans its lines',
      code: 'FROM alpine\nCMD serve \\\n  --verbose\nEXPOSE 80',
      errors: [{ line: 2, endLine: 3, fix: 'safe' }],
      output: 'FROM alpine\nCMD ["serve", "--verbose"]\nEXPOSE 80',
    },
    {
      name: 'lower-case keyword kept in the message; every stage checked',
      code: 'FROM alpine AS a\ncmd run a\nFROM alpine\nCMD run b',
      errors: [{ line: 2, message: 'cmd uses shell form' }, { line: 4 }],
      output: 'FROM alpine AS a\ncmd ["run", "a"]\nFROM alpine\nCMD ["run", "b"]',
    },
    {
      name: 'SHELL after the CMD does not help',
      code: 'FROM alpine\nCMD echo hi\nSHELL ["/bin/bash", "-c"]',
      errors: [{ line: 2 }],
      output: 'FROM alpine\nCMD ["echo", "hi"]\nSHELL ["/bin/bash", "-c"]',
    },
  ],
});
