import rule from '../../src/rules/onbuild-forbidden-trigger.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nONBUILD COPY package.json /app/\nONBUILD RUN npm ci',
    {
      name: 'ONBUILD LABEL instead of MAINTAINER',
      code: 'FROM alpine:3.20\nONBUILD LABEL maintainer="team@example.com"',
    },
    { name: 'a RUN that mentions FROM', code: 'FROM alpine:3.20\nONBUILD RUN echo FROM alpine' },
    { name: 'ONBUILD ADD', code: 'FROM python:3.12\nonbuild add . /usr/src/app' },
    { name: 'a plain MAINTAINER is another rule', code: 'FROM alpine:3.20\nMAINTAINER me' },
    { name: 'ONBUILD WORKDIR', code: 'FROM golang:1.22\nONBUILD WORKDIR /go/src/app' },
  ],
  invalid: [
    {
      name: 'ONBUILD ONBUILD',
      code: 'FROM alpine:3.20\nONBUILD ONBUILD RUN make',
      errors: [{ line: 2, message: 'cannot be chained', severity: 'error' }],
    },
    {
      name: 'ONBUILD FROM',
      code: 'FROM alpine:3.20\nONBUILD FROM debian:12',
      errors: [{ line: 2, message: 'does not build at all' }],
    },
    {
      name: 'ONBUILD MAINTAINER, lowercase',
      code: 'FROM alpine:3.20\nonbuild maintainer me@example.com',
      errors: [{ line: 2, message: 'LABEL maintainer' }],
    },
    {
      name: 'continued trigger',
      code: 'FROM alpine:3.20 AS base\nONBUILD \\\n  FROM alpine:3.20\nFROM base',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'every stage is checked',
      code: 'FROM alpine:3.20 AS a\nONBUILD ONBUILD COPY . /\nFROM alpine:3.20\nONBUILD Maintainer x',
      errors: [{ line: 2 }, { line: 4 }],
    },
  ],
});
