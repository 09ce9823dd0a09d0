// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/constant-platform-flag.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'upstream: the stage is named after the architecture',
      code: '\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n',
    },
    {
      name: 'upstream: the stage is named after the OS',
      code: '\nFROM --platform=linux/amd64 scratch AS linux\n',
    },
    { name: 'BUILDPLATFORM', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build' },
    {
      name: 'hadolint DL3029 false positive: TARGETOS/TARGETARCH follow the build',
      code: 'FROM --platform=$TARGETOS/$TARGETARCH alpine',
    },
    {
      name: 'hadolint DL3029 false positive: a global ARG chosen at build time',
      code: 'ARG PLATFORM=linux/amd64\nFROM --platform=${PLATFORM} alpine',
    },
    {
      name: 'an unparsable value fails the build: not this rule',
      code: 'FROM --platform=linux/amd64/v8/extra alpine',
    },
    {
      name: 'a normalized architecture in the name',
      code: 'FROM --platform=linux/x86_64 alpine AS tools-amd64',
    },
    { name: 'no flag', code: 'FROM alpine' },
  ],
  invalid: [
    {
      name: 'upstream testFromPlatformFlagConstDisallowed',
      code: '\nFROM --platform=linux/amd64 scratch\n',
      errors: [{ line: 2, column: 6, message: 'pins this stage to `linux/amd64`', fix: 'none' }],
    },
    {
      name: 'the name must hold the normalized architecture: x86_64 is amd64',
      code: 'FROM --platform=linux/x86_64 alpine AS build-x86_64',
      errors: [{ line: 1, message: '`AS build-amd64`' }],
    },
    {
      name: 'arm with a variant, unrelated stage name',
      code: 'FROM --platform=linux/arm/v7 python:3.12 AS deps\nRUN pip install -r requirements.txt',
      errors: [{ line: 1 }],
    },
    {
      name: 'a lone architecture',
      code: 'from --platform=arm64 node:20\nrun npm ci',
      errors: [{ line: 1 }],
    },
    {
      name: 'every stage; quoted value',
      code: 'FROM --platform=$BUILDPLATFORM golang AS build\nRUN make\nFROM --platform="linux/amd64" gcr.io/distroless/static AS final\nCOPY --from=build /app /app',
      errors: [{ line: 3 }],
    },
  ],
});
