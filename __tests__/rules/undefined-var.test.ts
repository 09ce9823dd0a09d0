// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/undefined-var.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'ARG is read left to right', code: 'FROM alpine\nARG A=1 B=$A\nENV C=$B' },
    { name: 'PATH is always defined', code: 'FROM alpine\nENV PATH=/app/bin:$PATH' },
    { name: 'single quotes are literal', code: "FROM alpine\nENV X='$NOPE'" },
    { name: 'an escaped dollar is literal', code: 'FROM alpine\nENV X=\\$NOPE' },
    { name: '$$ is not a reference', code: 'FROM alpine\nLABEL price=$$NOPE' },
    {
      name: 'ordinary shell variables in RUN',
      code: 'FROM alpine\nRUN echo $HOME $SHELL_VAR && for f in *; do echo $f; done',
    },
    { name: 'redeclared global ARG', code: 'ARG VERSION=1\nFROM alpine\nARG VERSION\nRUN echo $VERSION' },
    { name: 'ENV from the parent stage', code: 'FROM alpine AS base\nENV APP=/app\nFROM base\nWORKDIR $APP' },
    {
      name: 'RUN assigns the name itself',
      code: 'ARG VERSION=1\nFROM alpine\nRUN VERSION=2 && echo $VERSION',
    },
    { name: 'RUN loops over the name', code: 'ARG V=1\nFROM alpine\nRUN for V in 1 2; do echo $V; done' },
    {
      name: 'quoted COPY heredoc is copied as is',
      code: 'FROM alpine\nCOPY <<\'EOF\' /x.sh\necho $HOME "$@"\nEOF',
    },
    {
      name: 'quoted heredoc fed to cat in RUN',
      code: "ARG V=1\nFROM alpine\nRUN cat <<'EOF' > /x.sh\necho $V\nEOF",
    },
    { name: 'EXPOSE with a declared ARG', code: 'FROM alpine\nARG PORT=80\nEXPOSE $PORT' },
    { name: 'proxy ARGs are predefined', code: 'FROM alpine\nENV X=$HTTP_PROXY Y=${no_proxy}' },
    { name: 'well-known base image ENV', code: 'FROM golang:1.22\nWORKDIR $GOPATH/src/app' },
    { name: 'CMD is not expanded by Docker', code: 'FROM alpine\nCMD echo $NOPE' },
    { name: 'ONBUILD is not dispatched here', code: 'FROM alpine\nONBUILD ENV X=$NOPE' },
    { name: 'FROM has its own rule', code: 'ARG TAG=1\nFROM alpine:$TAG' },
    { name: 'global ARG defaults are not checked', code: 'ARG A=1\nARG B=$A$C\nFROM alpine' },
    { name: 'declared platform ARG', code: 'FROM alpine\nARG TARGETARCH\nRUN echo $TARGETARCH' },
    {
      name: 'RUN --mount with a declared ARG',
      code: 'FROM alpine\nARG CACHE=/c\nRUN --mount=type=cache,target=$CACHE make',
    },
    {
      name: 'RUN heredoc script with another interpreter',
      code: 'ARG V=1\nFROM python:3\nRUN <<EOF\n#!/usr/bin/env python3\nprint("$V")\nEOF',
    },
  ],
  invalid: [
    {
      name: 'ENV pairs are expanded against the state before the instruction',
      code: 'FROM alpine\nENV A=1 B=$A',
      errors: [{ line: 2, column: 11, message: 'set `A` in an earlier ENV' }],
    },
    {
      name: 'ARG default naming an ARG declared after it in the same instruction',
      code: 'FROM alpine\nARG B=$A A=1',
      errors: [{ line: 2, message: 'left to right' }],
    },
    {
      name: 'typo: did you mean',
      code: 'FROM alpine\nARG APP_VERSION=1\nLABEL version=$APP_VERSON',
      errors: [{ line: 3, message: 'Did you mean `$APP_VERSION`?' }],
    },
    {
      name: 'global ARG used in ENV without redeclaring',
      code: 'ARG VERSION=1\nFROM alpine\nENV V=$VERSION',
      errors: [{ line: 3, message: 'Add `ARG VERSION` in this stage' }],
    },
    {
      name: 'beyond BuildKit: global ARG in RUN',
      code: 'ARG VERSION=1\nFROM alpine\nRUN curl -fsSL https://example.com/app-$VERSION.tgz | tar xz',
      errors: [{ line: 3, message: 'The shell of this RUN sees an empty `$VERSION`' }],
    },
    {
      name: 'beyond BuildKit: platform ARG in RUN',
      code: 'FROM alpine\nRUN echo ${TARGETARCH}',
      errors: [{ line: 2, message: 'Declare `ARG TARGETARCH`' }],
    },
    {
      name: 'RUN heredoc script: the shell runs it whatever the quoting',
      code: "ARG V=1\nFROM alpine\nRUN <<'EOF'\necho $V\nEOF",
      errors: [{ line: 4 }],
    },
    {
      name: 'special parameter in an unquoted COPY heredoc',
      code: 'FROM alpine\nCOPY <<EOF /entrypoint.sh\n#!/bin/sh\nexec "$@"\nEOF',
      errors: [{ line: 4, message: "Write `<<'EOF'`" }],
    },
    {
      name: 'RUN --mount values are expanded',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/root/$CACHE_DIR make',
      errors: [{ line: 2 }],
    },
    {
      name: 'COPY --chown, reported once per name',
      code: 'FROM alpine\nCOPY --chown=$APP_USER:$APP_USER . /app',
      errors: [{ line: 2, column: 14 }],
    },
    {
      name: 'sibling stage ENV is not visible',
      code: 'FROM alpine AS a\nENV APP=/app\nFROM alpine AS b\nWORKDIR $APP',
      errors: [{ line: 4 }],
    },
    {
      name: 'a fallback still counts as a use',
      code: 'FROM alpine\nENV X=${MISSING:-default}',
      errors: [{ line: 2, message: 'always takes its fallback value' }],
    },
    {
      name: 'declared only later',
      code: 'FROM alpine\nWORKDIR $APP_HOME\nENV APP_HOME=/app',
      errors: [{ line: 2, message: 'comes only later, on line 3' }],
    },
    {
      name: 'an unknown base image may set it: said so',
      code: 'FROM mycorp/base:1\nWORKDIR $APP_HOME',
      errors: [{ line: 2, message: 'unless the base image `mycorp/base:1` sets it' }],
    },
    {
      name: 'beyond BuildKit: EXPOSE loses the port',
      code: 'FROM alpine\nEXPOSE $PORT',
      errors: [{ line: 2 }],
    },
    {
      name: 'escape=` file: only the unescaped reference',
      code: '# escape=`\nFROM alpine\nENV X=`$Y Z=$W',
      errors: [{ line: 3, message: '`$W`' }],
    },
    {
      name: 'lower-case keywords and continuation lines',
      code: 'from alpine\nenv A=1 \\\n    B=$MISSING',
      errors: [{ line: 3, column: 7 }],
    },
    {
      name: 'exec-form RUN through sh -c',
      code: 'ARG V=1\nFROM alpine\nRUN ["sh", "-c", "echo $V"]',
      errors: [{ line: 3 }],
    },
    {
      name: 'USER, VOLUME and STOPSIGNAL are expanded',
      code: 'FROM alpine\nUSER $APP_USER\nVOLUME ["$DATA"]\nSTOPSIGNAL $SIG',
      errors: [{ line: 2 }, { line: 3 }, { line: 4 }],
    },
  ],
});
