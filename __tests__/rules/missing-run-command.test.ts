import rule from '../../src/rules/missing-run-command.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'CMD in the final stage', code: 'FROM python:3\nCOPY . .\nCMD ["python", "app.py"]' },
    { name: 'ENTRYPOINT alone', code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]' },
    {
      name: 'inherited from a local parent stage',
      code: 'FROM node:20 AS base\nCMD ["node", "server.js"]\nFROM base\nCOPY . .',
    },
    {
      name: 'only earlier stages lack one',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]',
    },
    { name: 'no stage at all', code: 'ARG VERSION=1\n# nothing else' },
    { name: 'an empty file', code: '' },
    {
      name: 'a scratch-based parent with an ENTRYPOINT',
      code: 'FROM scratch AS base\nENTRYPOINT ["/app"]\nFROM base\nCOPY app /app',
    },
  ],
  invalid: [
    {
      name: 'external base image: info, naming it',
      code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html',
      errors: [{ line: 1, severity: 'info', message: 'the base image `nginx:1.27`' }],
    },
    {
      name: 'FROM scratch: error, nothing to run',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app',
      errors: [{ line: 3, severity: 'error', message: 'No command specified' }],
    },
    {
      name: 'scratch reached through a parent stage, lower-case keyword',
      code: 'from scratch as base\nCOPY app /app\nfrom base AS final\nCOPY conf /conf',
      errors: [{ line: 3, severity: 'error', message: 'nor does its parent stage `base`' }],
    },
    {
      name: 'parent stage on an external image',
      code: 'FROM python:3.12 AS deps\nRUN pip install flask\nFROM deps AS app\nCOPY . .',
      errors: [
        {
          line: 3,
          severity: 'info',
          message: 'The final stage `app` sets no CMD or ENTRYPOINT, nor does its parent stage `deps`',
        },
      ],
    },
    {
      name: 'an ONBUILD CMD is for child images only',
      code: 'FROM node:20\nONBUILD CMD ["npm", "start"]',
      errors: [{ line: 1, severity: 'info' }],
    },
    {
      name: 'a HEALTHCHECK CMD is not the container command',
      code: 'FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/',
      errors: [{ line: 1 }],
    },
    {
      name: 'an earlier unrelated stage has a CMD',
      code: 'FROM alpine AS tools\nCMD ["sh"]\nFROM debian:12\nRUN apt-get update',
      errors: [{ line: 3, message: '`debian:12`' }],
    },
    {
      name: 'a FROM over continuation lines',
      code: 'FROM \\\n  scratch\nCOPY app /app',
      errors: [{ line: 1, endLine: 2, severity: 'error' }],
    },
  ],
});
