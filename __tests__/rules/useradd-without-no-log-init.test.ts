// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/useradd-without-no-log-init.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN useradd -u 1000 app',
    'FROM debian:12\nRUN useradd --no-log-init -u 1000000 app',
    'FROM debian:12\nRUN useradd -l -u 1000000 app',
    'FROM debian:12\nRUN useradd -lu 1000000 app',
    { name: 'five digits', code: 'FROM debian:12\nRUN useradd --uid=99999 app' },
    { name: 'no UID', code: 'FROM debian:12\nRUN useradd -m app' },
    { name: 'an ARG without default', code: 'FROM debian:12\nARG UID\nRUN useradd -u "$UID" app' },
    {
      name: 'an ARG with a small default (hadolint fires on `${UID}`)',
      code: 'FROM debian:12\nARG UID=1000\nRUN useradd -u ${UID} app',
    },
    { name: 'adduser is another program', code: 'FROM alpine:3.20\nRUN adduser -u 1000000 -D app' },
  ],
  invalid: [
    {
      name: 'large UID: safe fix adds --no-log-init',
      code: 'FROM debian:12\nRUN useradd -u 1000000 app',
      errors: [{ line: 2, message: 'about 292 MB', fix: 'safe' }],
      output: 'FROM debian:12\nRUN useradd --no-log-init -u 1000000 app',
    },
    {
      name: '--uid=, continuation',
      code: 'FROM debian:12\nRUN groupadd -g 123456 app \\\n && useradd --uid=123456 -g app app',
      errors: [{ line: 2, endLine: 3 }],
      output:
        'FROM debian:12\nRUN groupadd -g 123456 app \\\n && useradd --no-log-init --uid=123456 -g app app',
    },
    {
      name: 'a large UID from an ARG default',
      code: 'FROM debian:12\nARG APP_UID=2000000\nRUN useradd -u "${APP_UID}" app',
      errors: [{ line: 3, message: 'UID 2000000' }],
      output: 'FROM debian:12\nARG APP_UID=2000000\nRUN useradd --no-log-init -u "${APP_UID}" app',
    },
    {
      name: 'through sudo in ONBUILD',
      code: 'FROM debian:12\nONBUILD RUN sudo useradd -r -u 5000000 svc',
      errors: [{ line: 2 }],
      output: 'FROM debian:12\nONBUILD RUN sudo useradd --no-log-init -r -u 5000000 svc',
    },
    {
      name: 'attached value in a heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nuseradd -u100000 app\nEOF',
      errors: [{ line: 2, endLine: 3 }],
      output: 'FROM debian:12\nRUN <<EOF\nuseradd --no-log-init -u100000 app\nEOF',
    },
    {
      name: 'sh -c: no fix',
      code: "FROM debian:12\nRUN sh -c 'useradd -u 100000 app'",
      errors: [{ line: 2, fix: 'none' }],
    },
  ],
});
