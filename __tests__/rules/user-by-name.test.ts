// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/user-by-name.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER 10001',
    { name: 'numeric UID and GID', code: 'FROM alpine:3.20\nUSER 10001:10001' },
    {
      name: 'numeric UID, named group (only the user is judged, as hadolint)',
      code: 'FROM alpine:3.20\nUSER 1000:staff',
    },
    {
      name: 'a named user in a builder stage only (hadolint 2.15.1+: last stage only)',
      code: 'FROM node:20 AS build\nUSER node\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nUSER 1000',
    },
    {
      name: 'an earlier named USER overridden by a numeric one',
      code: 'FROM python:3.12-slim\nUSER app\nRUN pip install --user x\nUSER 10001',
    },
    { name: 'UID from a build argument (hadolint#1234)', code: 'FROM debian:12\nARG UID=1000\nUSER ${UID}' },
    { name: 'UID from an ARG without default', code: 'FROM debian:12\nARG APP_USER\nUSER $APP_USER' },
    { name: 'ENV holding a numeric UID', code: 'FROM debian:12\nENV APP_UID=10001\nUSER $APP_UID' },
    { name: 'root is last-user-root, not this rule', code: 'FROM debian:12\nUSER root' },
    {
      name: 'Windows images name their users',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser',
    },
    { name: 'ONBUILD USER is for child builds', code: 'FROM alpine:3.20\nONBUILD USER app\nUSER 1000' },
  ],
  invalid: [
    {
      name: 'named user',
      code: 'FROM node:20-slim\nUSER node\nCMD ["node", "server.js"]',
      errors: [{ line: 2, message: 'runAsNonRoot', severity: 'info' }],
    },
    {
      name: 'named user and group',
      code: 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S app -G app\nuser app:app',
      errors: [{ line: 3, message: '`user app:app`' }],
    },
    {
      name: 'inherited from the parent stage',
      code: 'FROM python:3.12-slim AS base\nUSER appuser\nFROM base\nCMD ["python", "app.py"]',
      errors: [{ line: 2, message: 'keeps it from the stage `base`' }],
    },
    {
      name: 'ENV holding a name',
      code: 'FROM debian:12\nENV APP_USER=svc\nUSER ${APP_USER}',
      errors: [{ line: 3, message: 'the user `svc`' }],
    },
    { name: 'quoted', code: 'FROM nginx:1.27\nUSER "nginx"', errors: [{ line: 2 }] },
    {
      name: 'only the last USER of the last stage is reported',
      code: 'FROM golang:1.22 AS build\nUSER builder\nFROM alpine:3.20\nUSER app\nRUN true\nUSER www-data',
      errors: [{ line: 6 }],
    },
  ],
});
