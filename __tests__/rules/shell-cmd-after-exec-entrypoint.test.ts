import rule from '../../src/rules/shell-cmd-after-exec-entrypoint.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'both exec form', code: 'FROM python:3\nENTRYPOINT ["python", "app.py"]\nCMD ["--port", "80"]' },
    { name: 'shell-form ENTRYPOINT', code: 'FROM python:3\nENTRYPOINT python app.py\nCMD --port 80' },
    {
      name: 'an init runs the shell command',
      code: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD node server.js',
    },
    {
      name: 'an entrypoint script runs the shell command',
      code: 'FROM postgres:16\nENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]\nCMD postgres -c max_connections=200',
    },
    { name: 'an empty ENTRYPOINT', code: 'FROM alpine\nENTRYPOINT []\nCMD echo hi' },
    { name: 'shell CMD without ENTRYPOINT', code: 'FROM alpine\nCMD echo hi' },
    {
      name: 'bracketed CMD that is not JSON is invalid-exec-form',
      code: 'FROM alpine\nENTRYPOINT ["/app"]\nCMD [\'--serve\']',
    },
    {
      name: 'an ENTRYPOINT in a child stage resets the shell CMD of the parent',
      code: 'FROM alpine AS base\nCMD echo hi\nFROM base\nENTRYPOINT ["/app"]',
    },
    {
      name: 'HEALTHCHECK CMD is not CMD',
      code: 'FROM nginx\nENTRYPOINT ["nginx"]\nHEALTHCHECK CMD curl -f http://localhost/',
    },
  ],
  invalid: [
    {
      name: 'options as shell form: safe fix',
      code: 'FROM python:3\nENTRYPOINT ["python", "app.py"]\nCMD --port 80',
      errors: [{ line: 3, message: '`python app.py /bin/sh -c "--port 80"`', fix: 'safe' }],
      output: 'FROM python:3\nENTRYPOINT ["python", "app.py"]\nCMD ["--port", "80"]',
    },
    {
      name: 'variables need a shell: no fix',
      code: 'FROM python:3\nENTRYPOINT ["python", "app.py"]\nCMD --port $PORT',
      errors: [{ line: 3, fix: 'none' }],
    },
    {
      name: 'an init with options as CMD',
      code: 'FROM node:20\nENTRYPOINT ["tini", "--", "node", "server.js"]\nCMD --inspect',
      errors: [{ line: 3, fix: 'safe' }],
      output: 'FROM node:20\nENTRYPOINT ["tini", "--", "node", "server.js"]\nCMD ["--inspect"]',
    },
    {
      name: 'inherited ENTRYPOINT, lower-case CMD over two lines',
      code: 'FROM python:3 AS base\nENTRYPOINT ["python", "-m", "http.server"]\nFROM base\ncmd 8080 \\\n  --bind 0.0.0.0',
      errors: [{ line: 4, endLine: 5, message: 'line 2, in stage `base`', fix: 'safe' }],
      output:
        'FROM python:3 AS base\nENTRYPOINT ["python", "-m", "http.server"]\nFROM base\ncmd ["8080", "--bind", "0.0.0.0"]',
    },
    {
      name: 'a SHELL instruction: its words are appended instead',
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nENTRYPOINT ["/usr/bin/app"]\nCMD serve',
      errors: [{ line: 4, message: '`/usr/bin/app /bin/bash -o pipefail -c serve`', fix: 'safe' }],
      output:
        'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nENTRYPOINT ["/usr/bin/app"]\nCMD ["serve"]',
    },
    {
      name: 'a pair inherited by a child stage is reported once',
      code: 'FROM alpine AS base\nENTRYPOINT ["/app"]\nCMD --serve\nFROM base\nCOPY . .',
      errors: [{ line: 3 }],
      output: 'FROM alpine AS base\nENTRYPOINT ["/app"]\nCMD ["--serve"]\nFROM base\nCOPY . .',
    },
  ],
});
