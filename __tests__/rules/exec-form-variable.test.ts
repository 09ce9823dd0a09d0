// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/exec-form-variable.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'sh -c script: the shell expands it', code: 'FROM alpine\nCMD ["sh", "-c", "echo $HOME"]' },
    {
      name: 'bash -ec script over several lines',
      code: 'FROM alpine\nENTRYPOINT ["/bin/bash", \\\n  "-ec", \\\n  "exec app --port \\"$PORT\\""]',
    },
    { name: 'shell form is expanded by the shell', code: 'FROM alpine\nCMD echo $HOME' },
    { name: 'escaped dollar is meant literally', code: 'FROM alpine\nCMD ["echo", "\\\\$HOME"]' },
    { name: '$$ is not a reference', code: 'FROM alpine\nCMD ["echo", "$$"]' },
    { name: 'awk fields belong to awk', code: 'FROM alpine\nCMD ["awk", "{print $NF}", "/etc/hosts"]' },
    { name: 'single-quoted text is literal on purpose', code: 'FROM alpine\nCMD ["echo", "\'$HOME\'"]' },
    { name: 'shell-form RUN', code: 'FROM alpine\nRUN echo $HOME' },
    { name: 'ONBUILD is not dispatched in this build', code: 'FROM alpine\nONBUILD CMD ["echo", "$HOME"]' },
    { name: 'a dollar that starts no name', code: 'FROM alpine\nCMD ["app", "--price", "5$"]' },
    {
      name: 'HEALTHCHECK through sh -c',
      code: 'FROM alpine\nHEALTHCHECK CMD ["sh", "-c", "curl -f localhost:$PORT || exit 1"]',
    },
    { name: 'special parameters are the shell’s', code: 'FROM alpine\nENTRYPOINT ["/entrypoint.sh", "$@"]' },
  ],
  invalid: [
    {
      name: 'the classic: echo $HOME prints $HOME',
      code: 'FROM alpine\nCMD ["echo", "$HOME"]',
      errors: [{ line: 2, column: 15, message: '`$HOME` as literal text' }],
    },
    {
      name: 'an ARG in exec form: also missing at run time',
      code: 'FROM alpine\nARG PORT=80\nENTRYPOINT ["app", "--port", "${PORT}"]',
      errors: [{ line: 3, message: 'copy it with `ENV PORT=${PORT}`' }],
    },
    {
      name: 'exec-form RUN: suggests the shell form',
      code: 'FROM alpine\nARG VERSION=1\nRUN ["echo", "$VERSION"]',
      errors: [{ line: 3, message: 'Use the shell form' }],
    },
    {
      name: 'HEALTHCHECK with flags',
      code: 'FROM alpine\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost:$PORT/"]',
      errors: [{ line: 2, message: '`HEALTHCHECK CMD` is in exec form' }],
    },
    {
      name: 'exec form over continuation lines points at the element',
      code: 'FROM alpine\nCMD ["app", \\\n  "--config", \\\n  "$CONFIG"]',
      errors: [{ line: 4, column: 4 }],
    },
    {
      name: 'arguments after a sh -c script are positional, not expanded',
      code: 'FROM alpine\nCMD ["sh", "-c", "echo $1", "sh", "$HOME"]',
      errors: [{ line: 2, message: '`$HOME`' }],
    },
    {
      name: 'lower-case keywords, second stage',
      code: 'from golang:1.22 as build\nrun go build\nfrom alpine\ncmd ["/app", "--data", "$DATA_DIR/db"]',
      errors: [
        {
          line: 4,
          message: 'Run it through a shell, `CMD ["/bin/sh", "-c", "exec /app --data \\"$DATA_DIR/db\\""]`',
        },
      ],
    },
    {
      name: 'escape=` file: the JSON backslash is still JSON',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe", "$CONFIG"]',
      errors: [{ line: 3 }],
    },
    {
      name: 'two variables in one element: one finding naming both',
      code: 'FROM alpine\nCMD ["app", "--url=http://$HOST:$PORT"]',
      errors: [{ line: 2, message: '`$HOST`, `$PORT`' }],
    },
  ],
});
