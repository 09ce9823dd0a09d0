// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/apk-pin-versions.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'exact versions', code: 'FROM alpine:3.19\nRUN apk add --no-cache curl=8.5.0-r0 git=2.43.0-r0' },
    {
      name: 'fuzzy and range constraints (hadolint 2.15)',
      code: 'FROM alpine\nRUN apk add --no-cache "python3~3.11" "openssl>3.1" "bash<6"',
    },
    {
      name: 'the --virtual name is not a package',
      code: 'FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20231014-r0',
    },
    {
      name: 'the -t name and -X repository are not packages',
      code: 'FROM alpine\nRUN apk add -t .deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing tini=0.19.0-r2',
    },
    {
      name: 'a version in a variable',
      code: 'FROM alpine\nARG JQ_VERSION=1.7.1-r0\nRUN apk add --no-cache "jq=${JQ_VERSION}"',
    },
    { name: 'a package list in a variable', code: 'FROM alpine\nRUN apk add --no-cache $BUILD_DEPS' },
    { name: 'local .apk file', code: 'FROM alpine\nRUN apk add --allow-untrusted /tmp/glibc-2.35-r1.apk' },
    { name: 'apk del and apk update', code: 'FROM alpine\nRUN apk update && apk del .build-deps' },
    { name: 'apk add in an echo', code: 'FROM alpine\nRUN echo "apk add curl" >> /notes' },
  ],
  invalid: [
    {
      name: 'hadolint DL3018 (the seed Dockerfile)',
      code: 'FROM python:3.7.2-alpine3.8\nRUN apk add --update git',
      errors: [{ line: 2, message: '`git`', fix: 'none' }],
    },
    {
      name: 'official-image pattern: virtual package of build deps on continuation lines',
      code: 'FROM alpine:3.19\nRUN set -eux; \\\n  apk add --no-cache --virtual .build-deps \\\n    gcc \\\n    musl-dev=1.2.4_git20230717-r4 \\\n    make; \\\n  apk del .build-deps',
      errors: [{ line: 2, endLine: 6, message: '`gcc` and `make`' }],
    },
    {
      name: 'a repository tag is not a version',
      code: 'FROM alpine\nRUN apk add --no-cache "shadow@community"',
      errors: [{ line: 2, message: '`shadow@community`' }],
    },
    {
      name: 'heredoc RUN, ONBUILD RUN and lower-case keyword',
      code: 'FROM alpine\nrun <<EOF\napk add --no-cache bash\nEOF\nONBUILD RUN apk add --no-cache py3-pip',
      errors: [{ line: 2, endLine: 3 }, { line: 5 }],
    },
    {
      name: 'sh -c script and exec form',
      code: 'FROM alpine\nRUN ["/bin/sh", "-c", "apk add --no-cache jq"]\nRUN sh -ec \'apk add --no-cache yq\'',
      errors: [
        { line: 2, message: '`jq`' },
        { line: 3, message: '`yq`' },
      ],
    },
  ],
});
