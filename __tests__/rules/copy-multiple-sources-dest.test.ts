// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/copy-multiple-sources-dest.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./',
    { name: 'one source, file destination', code: 'FROM alpine:3.20\nCOPY app.conf /etc/app.conf' },
    {
      name: 'one glob source (cannot know how many files match)',
      code: 'FROM alpine:3.20\nCOPY *.conf /etc/app',
    },
    {
      name: 'flags are not sources',
      code: 'FROM alpine:3.20\nCOPY --from=build --chown=1000:1000 --chmod=755 /out/app /usr/local/bin/app',
    },
    { name: 'JSON form into a directory', code: 'FROM alpine:3.20\nCOPY ["a b.txt", "c.txt", "/data/"]' },
    {
      name: 'destination from a variable ending in /',
      code: 'FROM alpine:3.20\nENV APP_HOME=/srv/app/\nCOPY a b $APP_HOME',
    },
    {
      name: 'destination from an ARG without default: cannot tell',
      code: 'FROM alpine:3.20\nARG DEST\nCOPY a b ${DEST}',
    },
    { name: 'destination variable then a slash', code: 'FROM alpine:3.20\nARG DEST\nCOPY a b ${DEST}/' },
    { name: 'heredoc into a directory', code: 'FROM alpine:3.20\nCOPY <<A <<B /etc/\nx\nA\ny\nB' },
    {
      name: '--parents keeps the rule the same',
      code: 'FROM alpine:3.20\nCOPY --parents ./x/a.txt ./y/b.txt /dst/',
    },
  ],
  invalid: [
    {
      name: 'two files into a path without slash',
      code: 'FROM alpine:3.20\nCOPY a.txt b.txt /data',
      errors: [{ line: 2, message: 'each file overwrites the one before', fix: 'safe', severity: 'error' }],
      output: 'FROM alpine:3.20\nCOPY a.txt b.txt /data/',
    },
    {
      name: 'dot destination: classic builder refuses, BuildKit accepts',
      code: 'FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock .',
      errors: [
        { line: 3, message: 'BuildKit reads it as the working directory', severity: 'warning', fix: 'safe' },
      ],
      output: 'FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock ./',
    },
    {
      name: 'ADD too, lowercase, continued',
      code: 'FROM alpine:3.20\nadd a.tar.gz \\\n  b.tar.gz /opt',
      errors: [{ line: 2, endLine: 3, fix: 'safe' }],
      output: 'FROM alpine:3.20\nadd a.tar.gz \\\n  b.tar.gz /opt/',
    },
    {
      name: 'JSON form: slash goes inside the quotes',
      code: 'FROM alpine:3.20\nCOPY ["a b.txt", "c.txt", "/data"]',
      errors: [{ line: 2, fix: 'safe' }],
      output: 'FROM alpine:3.20\nCOPY ["a b.txt", "c.txt", "/data/"]',
    },
    {
      name: 'heredoc sources count',
      code: 'FROM alpine:3.20\nCOPY <<A <<B /etc/app\nx\nA\ny\nB',
      errors: [{ line: 2, fix: 'safe' }],
      output: 'FROM alpine:3.20\nCOPY <<A <<B /etc/app/\nx\nA\ny\nB',
    },
    {
      name: 'destination from an ENV without slash: no fix',
      code: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nCOPY a b $APP_HOME',
      errors: [{ line: 3, fix: 'none' }],
    },
    {
      name: 'COPY --from in a multi-stage Go build',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /out/ ./cmd/...\nFROM gcr.io/distroless/static\nCOPY --from=build /out/api /out/worker /usr/local/bin',
      errors: [{ line: 4, fix: 'safe' }],
      output:
        'FROM golang:1.22 AS build\nRUN go build -o /out/ ./cmd/...\nFROM gcr.io/distroless/static\nCOPY --from=build /out/api /out/worker /usr/local/bin/',
    },
  ],
});
