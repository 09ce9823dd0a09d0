import rule from '../../src/rules/stage-name-casing.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine AS build\nRUN make\nFROM build\nCMD ["app"]',
    { name: 'unnamed stages', code: 'FROM alpine\nFROM debian:12' },
    {
      name: 'upstream: lowercase names with dots, dashes and underscores',
      code: 'FROM scratch AS base3\nFROM scratch AS my_amd64.stage-1',
    },
    { name: 'an uppercase image name is not a stage name', code: 'FROM Alpine\nCMD ["x"]' },
    { name: 'lowercase keyword, lowercase name', code: 'from alpine as builder\nrun make' },
    {
      name: 'an invalid name fails the build in any case: not a casing matter',
      code: 'FROM alpine AS 1Build\nCMD ["x"]',
    },
    {
      name: 'a quoted name is refused by Docker: not a casing matter',
      code: 'FROM alpine AS "Build"\nCMD ["x"]',
    },
    {
      name: 'ONBUILD references do not count, the name is lowercase',
      code: 'FROM alpine AS app\nONBUILD COPY --from=App a b',
    },
  ],
  invalid: [
    {
      name: 'upstream testStageName: reported on the FROM line',
      code: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\n#\nFROM scratch AS base3\n',
      errors: [{ line: 4, column: 17, message: '`BadStageName` has uppercase letters', fix: 'safe' }],
      output:
        '\n# warning: stage name should be lowercase\n#\nFROM scratch AS badstagename\n\n#\nFROM scratch AS base3\n',
    },
    {
      name: 'the fix lowercases FROM, COPY --from and RUN --mount from= references in one go',
      code: [
        'FROM golang:1.22 AS Builder',
        'RUN go build -o /app .',
        'FROM Builder AS Tester',
        'RUN go test ./...',
        'FROM alpine:3.20',
        'COPY --from=Builder /app /app',
        'RUN --mount=type=bind,from=Builder,source=/app,target=/mnt true',
        'CMD ["/app"]',
      ].join('\n'),
      errors: [
        { line: 1, message: 'It already breaks `FROM Builder` on line 3', fix: 'safe' },
        { line: 3, message: '`Tester`', fix: 'safe' },
      ],
      output: [
        'FROM golang:1.22 AS builder',
        'RUN go build -o /app .',
        'FROM builder AS tester',
        'RUN go test ./...',
        'FROM alpine:3.20',
        'COPY --from=builder /app /app',
        'RUN --mount=type=bind,from=builder,source=/app,target=/mnt true',
        'CMD ["/app"]',
      ].join('\n'),
    },
    {
      name: 'COPY --from matches in any case: the message says FROM is the one that compares exactly',
      code: 'FROM node:20 AS BUILD\nRUN npm ci\nFROM nginx:1.27\nCOPY --from=BUILD /dist /usr/share/nginx/html',
      errors: [{ line: 1, message: '`COPY --from` and `--target` match it in any case' }],
      output:
        'FROM node:20 AS build\nRUN npm ci\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html',
    },
    {
      name: 'a FROM before the stage names an image: it is left alone',
      code: 'FROM Deps AS base\nFROM alpine AS Deps\nFROM Deps',
      errors: [{ line: 2 }],
      output: 'FROM Deps AS base\nFROM alpine AS deps\nFROM deps',
    },
    {
      name: 'lowercase keywords, continuation line, --platform flag',
      code: 'from --platform=$BUILDPLATFORM golang:1.22 \\\n  as Build\nrun make\nfrom alpine\ncopy --from=Build /out /out',
      errors: [{ line: 1 }],
      output:
        'from --platform=$BUILDPLATFORM golang:1.22 \\\n  as build\nrun make\nfrom alpine\ncopy --from=build /out /out',
    },
    {
      name: 'two namesakes: each fixes the references up to the next one, and the result converges',
      code: 'FROM alpine AS Deps\nFROM Deps AS a\nFROM debian AS Deps\nFROM alpine\nCOPY --from=Deps /x /x',
      errors: [{ line: 1 }, { line: 3 }],
      output: 'FROM alpine AS deps\nFROM deps AS a\nFROM debian AS deps\nFROM alpine\nCOPY --from=deps /x /x',
    },
    {
      name: 'upstream testWarningsBeforeError (its unknown instruction left out)',
      code: '\nFROM scratch AS BadStageName\nMAINTAINER me@example.org\nCMD ["/app"]\n',
      errors: [{ line: 2 }],
      output: '\nFROM scratch AS badstagename\nMAINTAINER me@example.org\nCMD ["/app"]\n',
    },
  ],
});
