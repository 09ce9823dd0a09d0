import rule from '../../src/rules/missing-healthcheck.js';
import { testRule } from '../support/rule-tester.js';

// Off by default, as in hadolint: the tests run it as a user who turned it on would.
testRule(
  { ...rule, enabledByDefault: true },
  {
    valid: [
      'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
      { name: 'HEALTHCHECK NONE is a decision', code: 'FROM alpine:3.20\nHEALTHCHECK NONE' },
      {
        name: 'inherited from the parent stage',
        code: 'FROM node:20 AS base\nHEALTHCHECK CMD ["node", "healthcheck.js"]\nFROM base\nCMD ["node", "server.js"]',
      },
      {
        name: 'builder stages need none (only the final image is judged)',
        code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\nHEALTHCHECK CMD ["/app", "-health"]',
      },
      {
        name: 'exec form, continued',
        code: 'FROM python:3.12\nhealthcheck --timeout=3s \\\n  CMD ["python", "-c", "print(1)"]',
      },
      {
        name: 'healthcheck in an ancestor two stages up',
        code: 'FROM alpine:3.20 AS a\nHEALTHCHECK NONE\nFROM a AS b\nFROM b',
      },
    ],
    invalid: [
      {
        name: 'no healthcheck',
        code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html',
        errors: [{ line: 1, message: 'unless the base image `nginx:1.27`', severity: 'info' }],
      },
      {
        name: 'healthcheck only in a builder stage',
        code: 'FROM node:20 AS build\nHEALTHCHECK CMD true\nFROM node:20-slim AS runtime\nCMD ["node", "x.js"]',
        errors: [{ line: 3, message: 'final stage `runtime`' }],
      },
      {
        name: 'scratch image',
        code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]',
        errors: [{ line: 1, message: 'stopped answering. Add' }],
      },
      {
        name: 'ONBUILD HEALTHCHECK is for child images',
        code: 'FROM alpine:3.20\nONBUILD HEALTHCHECK CMD true',
        errors: [{ line: 1 }],
      },
      {
        name: 'parent stage without one',
        code: 'FROM python:3.12-slim AS base\nRUN pip install app\nFROM base\nCMD ["app"]',
        errors: [{ line: 3 }],
      },
    ],
  },
);
