import rule from '../../src/rules/copy-from-unknown-stage.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'multi-stage Go build',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app',
    },
    {
      name: 'stage names compare case-insensitively',
      code: 'FROM node:20 AS Deps\nRUN npm ci\nFROM node:20-slim\nCOPY --from=deps /app/node_modules ./node_modules',
    },
    {
      name: 'earlier numeric index',
      code: 'FROM golang:1.22\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=0 /app /app',
    },
    { name: 'tagged external image', code: 'FROM alpine:3.20\nCOPY --from=busybox:1.36 /bin/busybox /bin/' },
    { name: 'registry image', code: 'FROM alpine:3.20\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/' },
    { name: 'digest image', code: 'FROM alpine:3.20\nCOPY --from=nginx@sha256:0123 /etc/nginx /etc/nginx' },
    { name: 'variable (not checked)', code: 'FROM alpine:3.20\nARG TOOLS\nCOPY --from=$TOOLS /bin/x /bin/' },
    { name: 'the build context by name', code: 'FROM alpine:3.20\nCOPY --from=context /src /src' },
    {
      name: 'scratch is the empty image, not a pull',
      code: 'FROM alpine:3.20\nCOPY --from=scratch / /tmp/empty/',
    },
    {
      name: 'RUN --mount from an earlier stage',
      code: 'FROM python:3.12 AS wheels\nRUN pip wheel -w /wheels .\nFROM python:3.12-slim\nRUN --mount=type=bind,from=wheels,source=/wheels,target=/wheels pip install /wheels/*.whl',
    },
    {
      name: 'ONBUILD COPY --from is resolved in the child build',
      code: 'FROM alpine:3.20\nONBUILD COPY --from=build /app /app',
    },
    { name: 'plain COPY', code: 'FROM alpine:3.20\nCOPY . /src' },
  ],
  invalid: [
    {
      name: 'untagged external image (hadolint fires too): explain',
      code: 'FROM alpine:3.20\nCOPY --from=busybox /bin/busybox /bin/',
      errors: [{ line: 2, message: 'reads `busybox` as an image', column: 6 }],
    },
    {
      name: 'misspelt stage name gets a suggestion',
      code: 'FROM node:20 AS builder\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=biulder /app/dist /usr/share/nginx/html',
      errors: [{ line: 4, message: 'the stage `builder`' }],
    },
    {
      name: 'the suggestion ignores case, as stage names do',
      code: 'FROM node:20 AS Builder\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=biulder /app/dist /srv',
      errors: [{ line: 4, message: 'the stage `Builder`' }],
    },
    {
      name: 'stage defined later (hadolint fires; BuildKit resolves): info',
      code: 'FROM scratch\nCOPY --from=build foo .\nFROM node:20 AS build\nRUN baz',
      errors: [{ line: 2, severity: 'info', message: 'comes only later, on line 3' }],
    },
    {
      name: 'index out of range: error',
      code: 'FROM golang:1.22\nRUN go build\nFROM alpine:3.20\nCOPY --from=2 /app /app',
      errors: [{ line: 4, severity: 'error', message: 'invalid stage index' }],
    },
    {
      name: 'RUN --mount=from= an unknown name',
      code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache \\\n    --mount=type=bind,from=wheelz,target=/w pip install /w/*.whl',
      errors: [{ line: 2, message: '`from=wheelz`' }],
    },
    {
      name: 'lowercase copy, later numeric index',
      code: 'FROM alpine:3.20\ncopy --from=1 /x /x\nFROM alpine:3.20',
      errors: [{ line: 2, severity: 'info' }],
    },
  ],
});
