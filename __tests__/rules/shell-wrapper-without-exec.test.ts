import rule from '../../src/rules/shell-wrapper-without-exec.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the last command is exec-ed',
      code: 'FROM nginx:1.27\nENTRYPOINT ["sh", "-c", "envsubst < /t.conf > /etc/nginx/conf.d/default.conf && exec nginx -g \'daemon off;\'"]',
    },
    {
      name: 'the idiomatic entrypoint wrapper: exec "$@"',
      code: 'FROM python:3\nENTRYPOINT ["/bin/sh", "-c", "python manage.py migrate && exec \\"$@\\"", "--"]\nCMD ["gunicorn", "app:app"]',
    },
    {
      name: 'bash replaces itself with a lone simple command',
      code: 'FROM node:20\nCMD ["bash", "-c", "node server.js"]',
    },
    {
      name: "Alpine's /bin/sh (BusyBox) replaces itself with the last simple command",
      code: 'FROM node:20-alpine\nCMD ["sh", "-c", "npm run migrate && node server.js"]',
    },
    {
      name: 'a trap forwards the signals on purpose',
      code: 'FROM node:20\nCMD ["sh", "-c", "trap \'kill -TERM $PID\' TERM; node server.js & PID=$!; wait $PID"]',
    },
    {
      name: 'a short-lived builtin',
      code: 'FROM alpine:3.20 AS a\nRUN true\nFROM debian:12\nCMD ["sh", "-c", "echo ready"]',
    },
    {
      name: 'after an exec-form program ENTRYPOINT, CMD words are its arguments',
      code: 'FROM python:3\nENTRYPOINT ["python"]\nCMD ["sh", "-c", "print(1)"]',
    },
    {
      name: 'an overridden CMD is single-cmd territory',
      code: 'FROM python:3\nCMD ["sh", "-c", "python app.py"]\nCMD ["python", "app.py"]',
    },
    {
      name: 'HEALTHCHECK is not PID 1',
      code: 'FROM nginx\nHEALTHCHECK CMD ["sh", "-c", "curl -f http://localhost/ || exit 1"]',
    },
    { name: 'a shell running a script file, not -c', code: 'FROM debian:12\nCMD ["sh", "/start.sh"]' },
    { name: 'shell form is exec-form territory', code: 'FROM debian:12\nCMD sh -c "node app.js"' },
    { name: 'exec after cd', code: 'FROM debian:12\nCMD ["sh", "-c", "cd /app; exec node app.js"]' },
  ],
  invalid: [
    {
      name: 'a single simple command: safe fix',
      code: 'FROM python:3.12-slim\nCMD ["sh", "-c", "python app.py --port 8000"]',
      errors: [{ line: 2, message: 'the shell stays PID 1', fix: 'safe' }],
      output: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec python app.py --port 8000"]',
    },
    {
      name: 'a chain: unsafe fix before the last command',
      code: 'FROM python:3\nCMD ["/bin/sh", "-c", "python manage.py migrate && python manage.py runserver 0.0.0.0:8000"]',
      errors: [{ line: 2, message: '`python`', fix: 'unsafe' }],
      unsafeOutput:
        'FROM python:3\nCMD ["/bin/sh", "-c", "python manage.py migrate && exec python manage.py runserver 0.0.0.0:8000"]',
    },
    {
      name: 'bash keeps running for a command with redirections',
      code: 'FROM node:20\nENTRYPOINT ["bash", "-c", "node server.js >> /var/log/app.log 2>&1"]',
      errors: [{ line: 2, message: 'redirections', fix: 'safe' }],
      output: 'FROM node:20\nENTRYPOINT ["bash", "-c", "exec node server.js >> /var/log/app.log 2>&1"]',
    },
    {
      name: 'a pipeline: no fix',
      code: 'FROM node:20\nCMD ["sh", "-c", "node server.js | tee /var/log/app.log"]',
      errors: [{ line: 2, message: 'never reaches `node`', fix: 'none' }],
    },
    {
      name: 'a compound command: no fix',
      code: 'FROM debian:12\nCMD ["sh", "-c", "if [ -f /app/a ]; then /app/a; else /app/b; fi"]',
      errors: [{ line: 2, message: 'does not `exec` its last command', fix: 'none' }],
    },
    {
      name: '"$@" without exec in an ENTRYPOINT wrapper; the CMD is a plain program',
      code: 'FROM python:3\nENTRYPOINT ["sh", "-c", "./setup.sh && \\"$@\\"", "--"]\nCMD ["gunicorn", "app:app"]',
      errors: [{ line: 2, fix: 'unsafe' }],
      unsafeOutput:
        'FROM python:3\nENTRYPOINT ["sh", "-c", "./setup.sh && exec \\"$@\\"", "--"]\nCMD ["gunicorn", "app:app"]',
    },
    {
      name: 'JSON escapes and non-ASCII text before the insertion point',
      code: 'FROM debian:12\nCMD ["sh", "-c", "echo \\"h\\u00e9llo ✓\\"; node app.js"]',
      errors: [{ line: 2, fix: 'unsafe' }],
      unsafeOutput: 'FROM debian:12\nCMD ["sh", "-c", "echo \\"h\\u00e9llo ✓\\"; exec node app.js"]',
    },
    {
      name: 'a CMD run by an init ENTRYPOINT, over continuation lines',
      code: 'FROM debian:12\nENTRYPOINT ["tini", "--"]\ncmd ["dash", "-c", \\\n  "/usr/local/bin/server"]',
      errors: [{ line: 3, endLine: 4, fix: 'safe' }],
      output:
        'FROM debian:12\nENTRYPOINT ["tini", "--"]\ncmd ["dash", "-c", \\\n  "exec /usr/local/bin/server"]',
    },
    {
      name: 'an assignment before the command: unsafe fix after it',
      code: 'FROM node:20\nCMD ["sh", "-c", "NODE_ENV=production node server.js"]',
      errors: [{ line: 2, fix: 'unsafe' }],
      unsafeOutput: 'FROM node:20\nCMD ["sh", "-c", "NODE_ENV=production exec node server.js"]',
    },
  ],
});
