import rule from '../../src/rules/cmd-ignored-by-shell-entrypoint.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'exec ENTRYPOINT with CMD',
      code: 'FROM python:3\nENTRYPOINT ["python", "app.py"]\nCMD ["--port", "80"]',
    },
    { name: 'shell ENTRYPOINT without CMD', code: 'FROM python:3\nENTRYPOINT python app.py' },
    {
      name: 'shell ENTRYPOINT and CMD in unrelated stages',
      code: 'FROM alpine AS tool\nENTRYPOINT run --serve\nFROM alpine\nCMD ["sh"]',
    },
    {
      name: 'an ENTRYPOINT resets the CMD inherited from the parent stage',
      code: 'FROM python:3 AS base\nCMD ["python"]\nFROM base\nENTRYPOINT python app.py',
    },
    { name: 'CMD [] passes nothing', code: 'FROM alpine\nENTRYPOINT run --serve\nCMD []' },
    {
      name: 'PowerShell joins extra arguments into the command instead of dropping them',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nENTRYPOINT Start-App\nCMD ["-Verbose"]',
    },
    {
      name: 'bracketed ENTRYPOINT that is not JSON is invalid-exec-form',
      code: 'FROM alpine\nENTRYPOINT [\'run\']\nCMD ["--serve"]',
    },
    {
      name: 'the child stage replaces the shell ENTRYPOINT with an exec one',
      code: 'FROM alpine AS base\nENTRYPOINT run\nFROM base\nENTRYPOINT ["run"]\nCMD ["--serve"]',
    },
  ],
  invalid: [
    {
      name: 'CMD and shell ENTRYPOINT in one stage',
      code: 'FROM python:3\nENTRYPOINT python app.py\nCMD ["--port", "80"]',
      errors: [{ line: 3, message: 'This `CMD` is ignored: the ENTRYPOINT (line 2) uses shell form' }],
    },
    {
      name: 'CMD before the ENTRYPOINT, lower-case',
      code: 'FROM python:3\ncmd ["--debug"]\nentrypoint python app.py',
      errors: [{ line: 2, message: 'This `cmd` is ignored' }],
    },
    {
      name: 'shell ENTRYPOINT inherited from the parent stage',
      code: 'FROM alpine AS base\nENTRYPOINT /usr/bin/run --serve\nFROM base\nCMD ["--port", "80"]',
      errors: [{ line: 4, message: 'line 2, in stage `base`' }],
    },
    {
      name: 'a pair inherited by a child stage is reported once',
      code: 'FROM alpine AS base\nENTRYPOINT run\nCMD ["--serve"]\nFROM base AS final\nCOPY . .',
      errors: [{ line: 3 }],
    },
    {
      name: 'an ENTRYPOINT reading $@ loses the first CMD word to $0',
      code: 'FROM python:3\nENTRYPOINT exec gunicorn "$@"\nCMD ["--bind", "0.0.0.0:80"]',
      errors: [{ line: 3, message: '`--bind`, as `$0`' }],
    },
    {
      name: 'shell-form CMD with a multi-line shell ENTRYPOINT',
      code: 'FROM alpine\nENTRYPOINT run \\\n  --serve\nCMD --port 80',
      errors: [{ line: 4, message: /`\/bin\/sh -c "run +--serve"`/ }],
    },
  ],
});
