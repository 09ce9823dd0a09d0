import rule from '../../src/rules/last-user-root.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'root in a builder stage only (hadolint#405, #1068)',
      code: 'FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app .\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\nUSER 65532',
    },
    {
      name: 'root for installing, then back to an unprivileged user',
      code: 'FROM node:20-slim\nUSER root\nRUN apt-get update && apt-get install -y curl\nUSER node\nCMD ["node", "server.js"]',
    },
    {
      name: 'final stage overrides a parent stage that ended as root',
      code: 'FROM python:3.12-slim AS base\nUSER root\nFROM base\nUSER 10001\nCMD ["python", "app.py"]',
    },
    { name: 'no USER at all (not this rule)', code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html' },
    { name: 'a user named like root is not root', code: 'FROM alpine:3.20\nUSER rootless' },
    { name: 'UID 1000 with group 0 (OpenShift style)', code: 'FROM alpine:3.20\nUSER 1001:0' },
    {
      name: 'ONBUILD USER root runs in child builds',
      code: 'FROM alpine:3.20\nONBUILD USER root\nUSER 1000',
    },
    {
      name: 'root in a stage the final one only copies from',
      code: 'FROM alpine:3.20 AS tools\nUSER root\nFROM alpine:3.20\nCOPY --from=tools /bin/busybox /bin/\nUSER nobody',
    },
  ],
  invalid: [
    {
      name: 'single stage ending as root',
      code: 'FROM ubuntu:24.04\nUSER root\nCMD ["bash"]',
      errors: [{ line: 2, message: 'runs as root' }],
    },
    { name: 'UID 0', code: 'FROM alpine:3.20\nuser 0', errors: [{ line: 2, message: '`user 0`' }] },
    { name: 'root:root', code: 'FROM alpine:3.20\nUSER 1000\nUSER root:root', errors: [{ line: 3 }] },
    {
      name: '0:0 after a named user',
      code: 'FROM debian:12\nUSER app\nRUN true\nUSER 0:0',
      errors: [{ line: 4 }],
    },
    {
      name: 'inherited from the parent stage',
      code: 'FROM node:20 AS base\nUSER node\nUSER root\nFROM base AS final\nCMD ["node", "x.js"]',
      errors: [{ line: 3, message: 'from the stage `base`' }],
    },
    {
      name: 'quoted and continued',
      code: 'FROM alpine:3.20\nUSER \\\n  "root"',
      errors: [{ line: 2, endLine: 3 }],
    },
  ],
});
