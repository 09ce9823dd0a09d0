import rule from '../../src/rules/duplicate-stage-name.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'upstream: distinct names', code: '\nFROM scratch AS b1\nFROM scratch AS b2\n' },
    { name: 'unnamed stages may repeat an image', code: 'FROM alpine\nFROM alpine\nCMD ["x"]' },
    {
      name: 'a stage built FROM another is not a redefinition',
      code: 'FROM alpine AS base\nFROM base AS app',
    },
    { name: 'a name used as an image elsewhere', code: 'FROM build\nFROM alpine AS build' },
    { name: 'names that only share a prefix', code: 'FROM alpine AS build\nFROM alpine AS build-arm64' },
    {
      name: 'COPY --from twice from one stage',
      code: 'FROM alpine AS a\nFROM alpine\nCOPY --from=a /x /x\nCOPY --from=a /y /y',
    },
  ],
  invalid: [
    {
      name: 'upstream testDuplicateStageName: reported on the second FROM',
      code: '\nFROM scratch AS b\nFROM scratch AS b\n',
      errors: [
        {
          line: 3,
          column: 17,
          severity: 'error',
          message: 'is already used by the stage on line 2',
          fix: 'none',
        },
      ],
    },
    {
      name: 'names compare case-insensitively, as BuildKit does (hadolint misses this)',
      code: 'FROM node:20 AS Build\nRUN npm ci\nFROM node:22 AS build\nFROM nginx\nCOPY --from=build /dist /html',
      errors: [
        {
          line: 3,
          message: '`COPY --from=build` and `--target build` use the last stage of that name (line 3)',
        },
      ],
    },
    {
      name: 'each later namesake is reported',
      code: 'FROM alpine AS deps\nFROM debian AS deps\nfrom ubuntu as deps',
      errors: [{ line: 2 }, { line: 3, message: 'line 1' }],
    },
    {
      name: 'with --platform and continuation',
      code: 'FROM --platform=$BUILDPLATFORM golang AS tools\nRUN go install x\nFROM golang \\\n  AS tools\nRUN go install y',
      errors: [{ line: 3 }],
    },
    {
      name: 'the copy-pasted builder of a multi-stage file',
      code: 'FROM golang:1.22 AS builder\nRUN go build -o /api ./cmd/api\nFROM golang:1.22 AS builder\nRUN go build -o /worker ./cmd/worker\nFROM gcr.io/distroless/static\nCOPY --from=builder /api /api\nCOPY --from=builder /worker /worker',
      errors: [{ line: 3 }],
    },
  ],
});
