// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/label-key-format.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app" \\\n      org.opencontainers.image.version="1.2.3"',
    {
      name: 'hadolint examples',
      code: 'FROM alpine:3.20\nLABEL org.valid-key.label3="foo" validlabel="foo"',
    },
    { name: 'legacy form', code: 'FROM alpine:3.20\nLABEL maintainer Jane Doe <jane@example.com>' },
    { name: 'quoted key', code: 'FROM alpine:3.20\nLABEL "com.example.vendor"="ACME Inc"' },
    {
      name: 'underscore and slash, as Docker allows (hadolint#1035)',
      code: 'FROM alpine:3.20\nLABEL app.kubernetes.io/name=api my.label/with_underscore=x',
    },
    {
      name: 'values are not keys',
      code: 'FROM alpine:3.20\nLABEL description="Uses Com.Docker.Stuff -- and UPPER"',
    },
    {
      name: 'key with a variable part',
      code: 'FROM alpine:3.20\nARG NS=com.example\nLABEL ${NS}.version=1.0',
    },
    { name: 'key ending with a variable', code: 'FROM alpine:3.20\nARG V=x\nLABEL com.example.build-$V=1' },
  ],
  invalid: [
    {
      name: 'uppercase: unsafe lowercase fix',
      code: 'FROM alpine:3.20\nLABEL Maintainer="jane@example.com"',
      errors: [{ line: 2, message: 'uppercase', severity: 'info', fix: 'unsafe' }],
      unsafeOutput: 'FROM alpine:3.20\nLABEL maintainer="jane@example.com"',
    },
    {
      name: 'reserved namespace',
      code: 'FROM alpine:3.20\nLABEL com.docker.label="foo"',
      errors: [{ line: 2, message: 'reserves', fix: 'none' }],
    },
    {
      name: 'io.docker namespace, in ONBUILD',
      code: 'FROM alpine:3.20\nONBUILD LABEL io.docker.label="foo"',
      errors: [{ line: 2 }],
    },
    {
      name: 'invalid character',
      code: "FROM alpine:3.20\nLABEL invalid$'character'=foo",
      errors: [{ line: 2, message: '`$`' }],
    },
    {
      name: 'starts with a digit',
      code: 'FROM alpine:3.20\nLABEL 1invalid="foo"',
      errors: [{ line: 2, message: 'start with a letter' }],
    },
    { name: 'starts with a dot', code: 'FROM alpine:3.20\nlabel .invalid="foo"', errors: [{ line: 2 }] },
    {
      name: 'consecutive separators',
      code: 'FROM alpine:3.20\nLABEL a..b=1 c--d=2',
      errors: [{ line: 2 }, { line: 2 }],
    },
    {
      name: 'second key on a continuation line',
      code: 'FROM alpine:3.20\nLABEL version="1.0" \\\n      Description="app"',
      errors: [{ line: 3, fix: 'unsafe' }],
      unsafeOutput: 'FROM alpine:3.20\nLABEL version="1.0" \\\n      description="app"',
    },
    {
      name: 'ends with a separator',
      code: 'FROM alpine:3.20\nLABEL com.example.="x"',
      errors: [{ line: 2, message: 'end with' }],
    },
  ],
});
