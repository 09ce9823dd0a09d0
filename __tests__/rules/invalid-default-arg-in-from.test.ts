// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/invalid-default-arg-in-from.js';
import { testRule } from '../support/rule-tester.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

testRule(rule, {
  valid: [
    { name: 'a default tag', code: 'ARG TAG=3.19\nFROM alpine:${TAG}' },
    { name: 'an empty suffix still gives a valid tag', code: 'ARG VARIANT\nFROM alpine:3.19${VARIANT}' },
    { name: 'a fallback', code: 'ARG TAG\nFROM alpine:${TAG:-3.19}' },
    { name: 'constant images are not about ARG defaults', code: 'FROM Not_Valid:tag' },
    {
      name: 'defaults built from earlier defaults',
      code: 'ARG REGISTRY=ghcr.io\nARG IMAGE=${REGISTRY}/org/app\nFROM ${IMAGE}:1.0',
    },
    { name: 'platform ARGs have values on any builder', code: 'FROM alpine-${TARGETARCH}' },
    { name: 'a valid digest', code: `ARG DIGEST=${DIGEST}\nFROM alpine@\${DIGEST}` },
    { name: 'a stage reference', code: 'ARG STAGE=base\nFROM alpine AS base\nFROM ${STAGE}' },
    { name: 'registry with a port', code: 'ARG REG=localhost:5000\nFROM ${REG}/team/app:1.2.3' },
    { name: 'quoted default', code: 'ARG IMAGE="node:20-alpine"\nFROM ${IMAGE}' },
  ],
  invalid: [
    {
      name: 'ARG without default in the tag',
      code: 'ARG TAG\nFROM alpine:${TAG}',
      errors: [
        {
          line: 2,
          message: 'becomes `alpine:`, which is not a valid image reference (the tag after `:` is empty)',
        },
      ],
    },
    {
      name: 'the whole image from an ARG without default',
      code: 'ARG IMAGE\nFROM $IMAGE AS build',
      errors: [{ line: 2, message: 'becomes an empty string' }],
    },
    {
      name: 'registry ARG without default',
      code: 'ARG REG\nFROM ${REG}/app:1',
      errors: [{ line: 2, message: 'Give `ARG REG` a default' }],
    },
    {
      name: 'uppercase repository',
      code: 'ARG NAME=MyApp\nFROM ${NAME}:1',
      errors: [{ line: 2, message: 'repository names must be lowercase' }],
    },
    {
      name: 'short digest',
      code: 'ARG DIGEST=sha256:abc\nFROM alpine@${DIGEST}',
      errors: [{ line: 2, message: 'digest' }],
    },
    {
      name: 'second stage, lower-case keyword',
      code: 'ARG V\nFROM alpine:3 AS a\nfrom debian:${V} as b',
      errors: [{ line: 3 }],
    },
    {
      name: 'an undeclared variable',
      code: 'FROM alpine:${NOPE}',
      errors: [{ line: 1 }],
    },
    {
      name: 'bad characters in the tag',
      code: 'ARG TAG=1.0+build\nFROM app:${TAG}',
      errors: [{ line: 2, message: 'the tag `1.0+build` is not valid' }],
    },
  ],
});
