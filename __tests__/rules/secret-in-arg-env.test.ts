import rule from '../../src/rules/secret-in-arg-env.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'no whole-segment match',
      code: 'FROM alpine\nENV TOKENIZER=x AUTHOR=me SECRETARY=x KEYCLOAK_VERSION=1',
    },
    {
      name: 'an allowed word is present',
      code: 'FROM alpine\nARG PUBLIC_KEY\nENV KEY_FILE=/k TOKEN_VERSION=1',
    },
    { name: 'global ARGs are not checked', code: 'ARG NPM_TOKEN\nFROM alpine' },
    { name: 'LABEL keys are not checked', code: 'FROM alpine\nLABEL api_key=x' },
    { name: 'hyphens do not separate words', code: 'FROM alpine\nENV MY-TOKEN=1' },
    { name: 'values are not checked', code: 'FROM alpine\nENV NAME=password' },
    { name: 'ONBUILD is not dispatched here', code: 'FROM alpine\nONBUILD ENV NPM_TOKEN=x' },
    {
      name: 'a secret mount is the right way',
      code: 'FROM node:20\nRUN --mount=type=secret,id=npm_token npm ci',
    },
  ],
  invalid: [
    {
      name: 'ARG in a stage',
      code: 'FROM node:20\nARG NPM_TOKEN\nRUN npm ci',
      errors: [{ line: 2, column: 5, message: 'RUN --mount=type=secret,id=npm_token' }],
    },
    {
      name: 'one finding per key',
      code: 'FROM alpine\nENV DB_PASSWORD=x API_KEY=y',
      errors: [
        { line: 2, message: '`ENV DB_PASSWORD`' },
        { line: 2, message: '`ENV API_KEY`' },
      ],
    },
    {
      name: 'lower-case keyword and key',
      code: 'from alpine\nenv my_secret_thing=1',
      errors: [{ line: 2, message: 'the word `secret`' }],
    },
    {
      name: 'a global ARG redeclared in a stage',
      code: 'ARG GITHUB_TOKEN\nFROM alpine\nARG GITHUB_TOKEN',
      errors: [{ line: 3, message: '`docker history`' }],
    },
    {
      name: 'legacy ENV form and a bare word',
      code: 'FROM alpine\nENV AUTH basic',
      errors: [{ line: 2 }],
    },
    {
      name: 'continuation lines, second stage',
      code: 'FROM alpine AS a\nFROM alpine\nENV A=1 \\\n    Aws_Credentials=x',
      errors: [{ line: 4, message: '`docker inspect`' }],
    },
  ],
});
