// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/arg-at-runtime.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'the ARG is copied into ENV first',
      code: 'FROM alpine\nARG PORT=8080\nENV PORT=${PORT}\nCMD server --port $PORT',
    },
    {
      name: 'ENV from the parent stage is in the image',
      code: 'FROM alpine AS base\nENV PORT=80\nFROM base\nARG PORT\nCMD server --port $PORT',
    },
    { name: 'a variable no ARG defines (set by `docker run -e`?)', code: 'FROM alpine\nCMD echo $GREETING' },
    { name: 'single quotes: the shell does not expand', code: "FROM alpine\nARG X=1\nCMD echo '$X'" },
    { name: 'escaped dollar', code: 'FROM alpine\nARG X=1\nCMD echo \\$X' },
    {
      name: 'plain exec form is exec-form-variable’s finding',
      code: 'FROM alpine\nARG X=1\nCMD ["echo", "$X"]',
    },
    { name: 'RUN sees ARGs: fine', code: 'FROM alpine\nARG X=1\nRUN echo $X' },
    {
      name: 'the base image defines NODE_VERSION itself',
      code: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}\nARG NODE_VERSION\nCMD echo $NODE_VERSION',
    },
    { name: 'ARG declared after the command', code: 'FROM alpine\nCMD echo $X\nARG X=1' },
    { name: 'ARG of a sibling stage', code: 'FROM alpine AS a\nARG X=1\nFROM alpine\nCMD echo $X' },
    { name: 'ONBUILD runs elsewhere', code: 'FROM alpine\nARG X=1\nONBUILD CMD echo $X' },
    { name: 'PATH is always there', code: 'FROM alpine\nARG PATH=/x\nCMD echo $PATH' },
  ],
  invalid: [
    {
      name: 'shell-form CMD reads a stage ARG: unsafe fix adds ENV',
      code: 'FROM alpine\nARG PORT=8080\nCMD server --port $PORT',
      errors: [{ line: 3, column: 19, message: 'only `ARG PORT` (line 2) defines it', fix: 'unsafe' }],
      unsafeOutput: 'FROM alpine\nARG PORT=8080\nENV PORT=${PORT}\nCMD server --port $PORT',
    },
    {
      name: 'sh -c script of an exec-form ENTRYPOINT',
      code: 'FROM alpine\nARG MODE=fast\nENTRYPOINT ["sh", "-c", "exec app --mode \\"$MODE\\""]',
      errors: [{ line: 3, fix: 'unsafe' }],
      unsafeOutput:
        'FROM alpine\nARG MODE=fast\nENV MODE=${MODE}\nENTRYPOINT ["sh", "-c", "exec app --mode \\"$MODE\\""]',
    },
    {
      name: 'a global ARG the stage never declared: fix declares it too',
      code: 'ARG PORT=80\nFROM alpine\nCMD server $PORT',
      errors: [{ line: 3, message: 'only the global `ARG PORT` (line 1)' }],
      unsafeOutput: 'ARG PORT=80\nFROM alpine\nARG PORT\nENV PORT=${PORT}\nCMD server $PORT',
    },
    {
      name: 'an undeclared platform ARG',
      code: 'FROM alpine\nCMD echo ${TARGETARCH}',
      errors: [{ line: 2, message: 'build-time platform ARGs' }],
      unsafeOutput: 'FROM alpine\nARG TARGETARCH\nENV TARGETARCH=${TARGETARCH}\nCMD echo ${TARGETARCH}',
    },
    {
      name: 'shell-form HEALTHCHECK runs in the container too',
      code: 'FROM alpine\nARG PORT=80\nHEALTHCHECK --interval=5s CMD curl -f localhost:$PORT || exit 1',
      errors: [{ line: 3, message: '`HEALTHCHECK CMD` reads `$PORT`' }],
    },
    {
      name: 'lower-case file: inserted lines follow its case',
      code: 'from alpine\narg port=80\ncmd server $port',
      errors: [{ line: 3 }],
      unsafeOutput: 'from alpine\narg port=80\nenv port=${port}\ncmd server $port',
    },
    {
      name: 'two commands, one fix',
      code: 'FROM alpine\nARG PORT=80\nHEALTHCHECK CMD curl localhost:$PORT\nCMD server $PORT',
      errors: [
        { line: 3, fix: 'unsafe' },
        { line: 4, fix: 'none' },
      ],
      unsafeOutput:
        'FROM alpine\nARG PORT=80\nENV PORT=${PORT}\nHEALTHCHECK CMD curl localhost:$PORT\nCMD server $PORT',
    },
    {
      name: 'ARG from the parent stage',
      code: 'FROM alpine AS base\nARG PORT=80\nFROM base\nCMD server $PORT',
      errors: [{ line: 4, message: 'line 2' }],
    },
    {
      name: 'a fallback hides the problem: the ARG value is lost',
      code: 'FROM alpine\nARG PORT=9090\nCMD server --port ${PORT:-8080}',
      errors: [{ line: 3, message: 'fallback is used' }],
    },
    {
      name: 'indented instruction over continuation lines',
      code: 'FROM alpine\nARG P=1\n  CMD echo \\\n    $P',
      errors: [{ line: 4 }],
      unsafeOutput: 'FROM alpine\nARG P=1\n  ENV P=${P}\n  CMD echo \\\n    $P',
    },
  ],
});
