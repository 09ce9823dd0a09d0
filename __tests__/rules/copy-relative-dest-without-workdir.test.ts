import rule from '../../src/rules/copy-relative-dest-without-workdir.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY package.json .',
    { name: 'absolute destination', code: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/' },
    { name: 'variable destination', code: 'FROM python:3.12\nENV APP_HOME=/srv\nCOPY . $APP_HOME' },
    { name: 'ADD is not judged (as hadolint)', code: 'FROM alpine:3.20\nADD rootfs.tar.gz rootfs/' },
    {
      name: 'WORKDIR inherited from the parent stage (hadolint#406 class)',
      code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base AS build\nCOPY . .\nRUN npm run build',
    },
    {
      name: 'WORKDIR inherited through two stages',
      code: 'FROM golang:1.22 AS a\nWORKDIR /src\nFROM a AS b\nFROM b\nCOPY go.mod go.sum ./',
    },
    {
      name: 'Windows drive path',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\app',
    },
    {
      name: 'Windows drive path, forward slashes',
      code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app c:/app',
    },
    { name: 'quoted absolute', code: 'FROM alpine:3.20\nCOPY ["a b.txt", "/data/"]' },
    {
      name: 'ONBUILD COPY runs in the child, whose WORKDIR we cannot see',
      code: 'FROM node:20\nONBUILD COPY . .',
    },
  ],
  invalid: [
    {
      name: 'COPY . . without WORKDIR',
      code: 'FROM node:20\nCOPY . .\nRUN npm ci',
      errors: [{ line: 2, message: 'working directory of `node:20`' }],
    },
    {
      name: 'WORKDIR only after the COPY',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt app/\nWORKDIR /app',
      errors: [{ line: 2 }],
    },
    {
      name: 'a WORKDIR in a sibling stage does not count',
      code: 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nFROM alpine:3.20\ncopy --from=build /src/app bin/',
      errors: [{ line: 5 }],
    },
    {
      name: 'parent stage without WORKDIR',
      code: 'FROM node:20 AS base\nRUN true\nFROM base\nCOPY app.js ./',
      errors: [{ line: 4, message: 'or the stages it is built FROM' }],
    },
    {
      name: 'heredoc COPY to a relative path',
      code: 'FROM alpine:3.20\nCOPY <<EOF etc/app.conf\nkey=value\nEOF',
      errors: [{ line: 2, endLine: 2 }],
    },
    {
      name: 'continued, reported on the first line',
      code: 'FROM alpine:3.20\nCOPY --chown=app:app \\\n  config.yaml \\\n  conf/',
      errors: [{ line: 2, endLine: 4 }],
    },
  ],
});
