// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/redundant-target-platform.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'BUILDPLATFORM is the point of the flag',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
    },
    { name: 'a compound value', code: 'FROM --platform=linux/${TARGETARCH} alpine' },
    { name: 'TARGETOS/TARGETARCH', code: 'FROM --platform=$TARGETOS/$TARGETARCH alpine' },
    { name: 'no flag', code: 'FROM alpine\nCMD ["x"]' },
    {
      name: 'an alternative value is not the target platform',
      code: 'FROM --platform=${TARGETPLATFORM:+linux/amd64} alpine',
    },
    { name: 'a user ARG', code: 'ARG PLATFORM=linux/arm64\nFROM --platform=$PLATFORM alpine' },
    { name: 'TARGETPLATFORM in RUN', code: 'FROM alpine\nARG TARGETPLATFORM\nRUN echo $TARGETPLATFORM' },
  ],
  invalid: [
    {
      name: 'upstream: $TARGETPLATFORM',
      code: '\nFROM --platform=$TARGETPLATFORM scratch\n',
      errors: [{ line: 2, column: 6, message: 'changes nothing', fix: 'safe' }],
      output: '\nFROM scratch\n',
    },
    {
      name: 'upstream: ${TARGETPLATFORM}',
      code: '\nFROM --platform=${TARGETPLATFORM} scratch\n',
      errors: [{ line: 2 }],
      output: '\nFROM scratch\n',
    },
    {
      name: 'quoted, lowercase keyword, named stage',
      code: 'from --platform="$TARGETPLATFORM" node:20 as deps\nrun npm ci',
      errors: [{ line: 1 }],
      output: 'from node:20 as deps\nrun npm ci',
    },
    {
      name: 'a default that is never used',
      code: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine',
      errors: [{ line: 1 }],
      output: 'FROM alpine',
    },
    {
      name: 'every stage; the flag before a continuation',
      code: 'FROM --platform=$BUILDPLATFORM golang AS build\nRUN make\nFROM --platform=$TARGETPLATFORM \\\n  gcr.io/distroless/static\nCOPY --from=build /app /app',
      errors: [{ line: 3 }],
      output:
        'FROM --platform=$BUILDPLATFORM golang AS build\nRUN make\nFROM \\\n  gcr.io/distroless/static\nCOPY --from=build /app /app',
    },
  ],
});
