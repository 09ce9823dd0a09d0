import rule from '../../src/rules/reserved-stage-name.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'upstream: FROM scratch without a name, and a plain name',
      code: '\nFROM scratch\nFROM scratch AS a\n',
    },
    {
      name: 'names that contain a reserved word',
      code: 'FROM alpine AS scratchpad\nFROM alpine AS build-context',
    },
    { name: 'COPY --from=scratch is not a stage name', code: 'FROM alpine\nCOPY --from=scratch / /' },
    { name: 'FROM context (an image) is not a stage name', code: 'FROM context\nCMD ["x"]' },
    { name: 'an ARG named context', code: 'ARG context=.\nFROM alpine\nARG context' },
    { name: 'lowercase builder', code: 'from alpine as builder' },
  ],
  invalid: [
    {
      name: 'upstream testReservedStageName',
      code: '\nFROM scratch AS scratch\nFROM scratch AS context\n',
      errors: [
        { line: 2, column: 17, message: 'a later `FROM scratch` builds on that stage', fix: 'none' },
        { line: 3, message: 'build context' },
      ],
    },
    {
      name: 'compared in lowercase',
      code: 'FROM alpine AS Scratch\nRUN apk add curl\nFROM scratch\nCOPY --from=0 /usr/bin/curl /curl',
      errors: [{ line: 1, message: '`Scratch` is reserved' }],
    },
    {
      name: 'lowercase keywords',
      code: 'from busybox as context\nrun echo hi',
      errors: [{ line: 1 }],
    },
    {
      name: 'stage name on a continuation line is reported on the FROM line, as BuildKit does',
      code: 'FROM alpine \\\n  AS scratch\nCMD ["x"]',
      errors: [{ line: 1 }],
    },
    {
      name: 'later stage',
      code: 'FROM golang AS build\nRUN go build\nFROM build AS context\nCMD ["/app"]',
      errors: [{ line: 3 }],
    },
  ],
});
