import rule from '../../src/rules/apk-no-cache.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: '--no-cache after add', code: 'FROM alpine:3.19\nRUN apk add --no-cache curl' },
    { name: '--no-cache before add', code: 'FROM alpine\nRUN apk --no-cache add curl' },
    {
      name: 'cache mount on /var/cache/apk',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk apk add --update curl',
    },
    {
      name: 'cache mount on the /etc/apk/cache link',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl',
    },
    {
      name: 'the cache is deleted later in the same RUN',
      code: 'FROM alpine\nRUN apk add --update curl && rm -rf /var/cache/apk/*',
    },
    {
      name: 'a builder stage only copied from',
      code: 'FROM alpine AS build\nRUN apk add --update gcc musl-dev\nFROM scratch\nCOPY --from=build /bin/app /app',
    },
    { name: 'options in a variable', code: 'FROM alpine\nRUN apk add $APK_OPTS curl' },
    { name: 'apk del and apk info', code: 'FROM alpine\nRUN apk del curl && apk info' },
  ],
  invalid: [
    {
      name: 'hadolint DL3019 (the seed Dockerfile): safe fix',
      code: 'FROM python:3.7.2-alpine3.8\nRUN apk add --update git',
      errors: [{ line: 2, severity: 'info', fix: 'safe' }],
      output: 'FROM python:3.7.2-alpine3.8\nRUN apk add --no-cache --update git',
    },
    {
      name: 'apk update first, multi-line',
      code: 'FROM alpine\nRUN apk update \\\n && apk add \\\n      curl',
      errors: [{ line: 2, endLine: 4, fix: 'safe' }],
      output: 'FROM alpine\nRUN apk update \\\n && apk add --no-cache \\\n      curl',
    },
    {
      name: 'cleanup before the add does not count; a mount elsewhere neither',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/root/.cache rm -rf /var/cache/apk/* && apk add -U curl',
      errors: [{ line: 2 }],
      output:
        'FROM alpine\nRUN --mount=type=cache,target=/root/.cache rm -rf /var/cache/apk/* && apk add --no-cache -U curl',
    },
    {
      name: 'heredoc body, ONBUILD RUN and the base of the final stage',
      code: 'FROM alpine AS base\nRUN <<EOF\napk add bash\nEOF\nONBUILD RUN apk add git\nFROM base\nCMD ["bash"]',
      errors: [{ line: 2, endLine: 3 }, { line: 5 }],
      output:
        'FROM alpine AS base\nRUN <<EOF\napk add --no-cache bash\nEOF\nONBUILD RUN apk add --no-cache git\nFROM base\nCMD ["bash"]',
    },
    {
      name: 'sh -c script: no fix',
      code: 'FROM alpine\nRUN sh -c "apk add curl"',
      errors: [{ line: 2, fix: 'none' }],
    },
  ],
});
