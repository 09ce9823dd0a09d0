// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/undefined-arg-in-from.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'declared global ARG', code: 'ARG TAG=3.19\nFROM alpine:${TAG}' },
    { name: 'declared without a value', code: 'ARG TAG\nFROM alpine:$TAG' },
    {
      name: 'predefined platform ARG in --platform',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
    },
    { name: 'predefined platform ARG in the image', code: 'FROM alpine-${TARGETARCH}' },
    { name: 'stage reference', code: 'FROM alpine AS base\nFROM base' },
    {
      name: 'global ARG also redeclared in the stage',
      code: 'ARG BASE=alpine\nFROM ${BASE} AS build\nARG BASE\nRUN echo $BASE',
    },
    { name: 'variables outside FROM are not this rule’s', code: 'FROM alpine\nRUN echo $NOT_IN_FROM' },
    { name: 'an escaped dollar is not a variable', code: 'FROM alpine:\\$TAG' },
    { name: 'global ARGs count for every FROM', code: 'ARG A=alpine\nARG B=debian\nFROM $A\nFROM $B' },
  ],
  invalid: [
    {
      name: 'no ARG at all',
      code: 'FROM alpine:${TAG}',
      errors: [{ line: 1, column: 13, message: 'Declare `ARG TAG` (with a default) before the first FROM' }],
    },
    {
      name: 'typo: did you mean',
      code: 'ARG TAGS=1\nFROM alpine:${TAG}',
      errors: [{ line: 2, message: 'Did you mean `$TAGS`?' }],
    },
    {
      name: 'a fallback still fires (as BuildKit)',
      code: 'FROM alpine:${TAG:-3.19}',
      errors: [{ line: 1, message: 'its fallback is always used' }],
    },
    {
      name: 'an ARG inside a stage does not count',
      code: 'FROM alpine AS a\nARG IMG=alpine\nFROM ${IMG}',
      errors: [{ line: 3, message: '`ARG IMG` on line 2 is inside a stage' }],
    },
    {
      name: 'undeclared --platform variable',
      code: 'FROM --platform=$PLATFORM alpine',
      errors: [{ line: 1, column: 17 }],
    },
    {
      name: 'lower-case FROM, second stage, once per name',
      code: 'ARG BASE=alpine\nfrom $BASE as build\nfrom $IMAGE:$IMAGE_TAG$IMAGE',
      errors: [
        { line: 3, message: '`from` uses `$IMAGE`' },
        { line: 3, message: '`$IMAGE_TAG`' },
      ],
    },
    {
      name: 'a global ARG declared after the first FROM is a stage ARG',
      code: 'FROM alpine\nARG NEXT=debian\nFROM $NEXT',
      errors: [{ line: 3 }],
    },
  ],
});
