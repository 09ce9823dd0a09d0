// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/copy-from-own-stage.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'copy from the previous stage',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20 AS final\nCOPY --from=build /app /app',
    },
    {
      name: 'earlier numeric index',
      code: 'FROM golang:1.22\nRUN go build\nFROM alpine:3.20\nCOPY --from=0 /app /app',
    },
    {
      name: 'an image with the same name as the stage, tagged',
      code: 'FROM alpine:3.20 AS node\nCOPY --from=node:20 /usr/local/bin/node /usr/local/bin/',
    },
    {
      name: 'a stage built FROM the parent copies from it',
      code: 'FROM node:20 AS base\nRUN npm ci\nFROM base AS test\nCOPY --from=base /app/node_modules /tmp/nm',
    },
    { name: 'unknown name is copy-from-unknown-stage', code: 'FROM alpine:3.20 AS a\nCOPY --from=b /x /x' },
    { name: 'ONBUILD trigger in the stage', code: 'FROM alpine:3.20 AS app\nONBUILD COPY --from=app /x /x' },
    { name: 'variable', code: 'FROM alpine:3.20 AS app\nARG SELF=app\nCOPY --from=${SELF} /x /x' },
  ],
  invalid: [
    {
      name: 'own name',
      code: 'FROM node:20 AS build\nCOPY --from=build /app/dist /dist',
      errors: [{ line: 2, message: 'circular dependency' }],
    },
    {
      name: 'own name, other case',
      code: 'FROM golang:1.22 AS Build\nRUN go build\nFROM alpine:3.20 AS final\ncopy --from=FINAL /x /y',
      errors: [{ line: 4 }],
    },
    {
      name: 'own numeric index',
      code: 'FROM golang:1.22\nRUN go build\nFROM alpine:3.20\nCOPY --from=1 /x /y',
      errors: [{ line: 4 }],
    },
    {
      name: 'RUN --mount from its own stage',
      code: 'FROM python:3.12 AS app\nRUN --mount=type=bind,from=app,target=/src pip install /src',
      errors: [{ line: 2, message: '`from=app`' }],
    },
    {
      name: 'a later stage built FROM this one',
      code: 'FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM a AS b\nRUN true',
      errors: [{ line: 2, message: 'built FROM this stage' }],
    },
    {
      name: 'a later stage built FROM this one through another',
      code: 'FROM alpine:3.20 AS a\nRUN --mount=from=c,target=/c true\nFROM a AS b\nFROM b AS c',
      errors: [{ line: 2, message: 'the stage `c`' }],
    },
  ],
});
