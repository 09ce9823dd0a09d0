import rule from '../../src/rules/copy-whole-filesystem.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app',
    { name: 'root without --from (build context)', code: 'FROM alpine:3.20\nCOPY / /' },
    { name: 'a directory into root', code: 'FROM alpine:3.20 AS b\nFROM scratch\nCOPY --from=b /app /' },
    {
      name: 'root into a subdirectory',
      code: 'FROM alpine:3.20 AS rootfs\nFROM alpine:3.20\nCOPY --from=rootfs / /mnt/rootfs/',
    },
    {
      name: 'a path that only starts with a slash',
      code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /etc /etc',
    },
    { name: 'ADD has no --from', code: 'FROM alpine:3.20\nADD / /' },
  ],
  invalid: [
    {
      name: 'whole stage over the final image',
      code: 'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build / /',
      errors: [{ line: 4, message: 'over this image' }],
    },
    {
      name: 'quoted roots',
      code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b "/" "/"',
      errors: [{ line: 3 }],
    },
    {
      name: 'squashing into scratch',
      code: 'FROM ubuntu:24.04 AS full\nRUN apt-get update\nFROM scratch\ncopy --from=full / /',
      errors: [{ line: 4, message: 'none of its ENV, USER' }],
    },
    {
      name: 'root written as /.',
      code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /. /',
      errors: [{ line: 3 }],
    },
    {
      name: 'from an external image',
      code: 'FROM alpine:3.20\nCOPY --link --from=busybox:1.36 / /',
      errors: [{ line: 2 }],
    },
  ],
});
