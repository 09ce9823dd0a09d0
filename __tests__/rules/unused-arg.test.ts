// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/unused-arg.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'a RUN after it sees it in its environment', code: 'FROM alpine\nARG VERSION\nRUN ./install.sh' },
    { name: 'referenced by COPY', code: 'FROM alpine\nARG SRC=.\nCOPY $SRC /app' },
    {
      name: 'referenced in a stage built FROM it',
      code: 'FROM alpine AS base\nARG V=1\nFROM base\nLABEL v=$V',
    },
    { name: 'a RUN in a stage built FROM it', code: 'FROM alpine AS base\nARG V=1\nFROM base\nRUN make' },
    { name: 'global ARG used by FROM', code: 'ARG TAG=3.19\nFROM alpine:$TAG' },
    {
      name: 'global ARG used by --platform',
      code: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine',
    },
    { name: 'global ARG redeclared in a stage', code: 'ARG V=1\nFROM alpine\nARG V\nRUN echo $V' },
    {
      name: 'global ARG read by a later global default',
      code: 'ARG BASE=alpine\nARG IMAGE=${BASE}:3\nFROM ${IMAGE}',
    },
    { name: 'read by a later name of the same ARG', code: 'FROM alpine\nARG A=1 B=$A\nENV X=$B' },
    { name: 'read by CMD (arg-at-runtime’s finding)', code: 'FROM alpine\nARG P=1\nCMD echo $P' },
    { name: 'read in a COPY heredoc body', code: 'FROM alpine\nARG V=1\nCOPY <<EOF /v\n$V\nEOF' },
    {
      name: 'lower-case, with RUN over continuation lines',
      code: 'from alpine\narg v=1\nrun make \\\n  all',
    },
    {
      name: 'BuildKit reads its own ARGs',
      code: 'ARG BUILDKIT_SBOM_SCAN_CONTEXT=true\nFROM alpine\nARG BUILDKIT_SBOM_SCAN_STAGE=true',
    },
  ],
  invalid: [
    {
      name: 'the guidance example: the exec-form word is not a reference',
      code: 'FROM python:3.12\nARG tool_mode=fast\nENTRYPOINT ["python", "tool.py", "tool_mode"]',
      errors: [
        {
          line: 2,
          column: 5,
          message: 'The ENTRYPOINT on line 3 passes the literal word `tool_mode`, not this value.',
        },
      ],
    },
    {
      name: 'declared after the last RUN',
      code: 'FROM alpine\nRUN make\nARG VERSION=1\nCMD ["app"]',
      errors: [{ line: 3, message: 'ARGs do not exist when the container runs' }],
    },
    {
      name: 'a platform ARG declared and never used',
      code: 'FROM alpine\nARG TARGETARCH\nCMD ["app"]',
      errors: [{ line: 2 }],
    },
    {
      name: 'each name of a multi-name ARG on its own',
      code: 'FROM alpine\nARG A=1 B=2\nENV X=$A',
      errors: [{ line: 2, column: 9, message: '`ARG B`' }],
    },
    {
      name: 'global ARG used nowhere',
      code: 'ARG UNUSED=1\nFROM alpine',
      errors: [{ line: 1, message: 'The global `ARG UNUSED` is never used' }],
    },
    {
      name: 'global ARG read in a stage that did not declare it',
      code: 'ARG V=1\nFROM alpine\nRUN echo $V',
      errors: [{ line: 1, message: 'The stage on line 2 refers to `$V` without declaring `ARG V`' }],
    },
    {
      name: 'a sibling stage does not read it',
      code: 'FROM alpine AS a\nARG V=1\nFROM alpine AS b\nRUN echo $V',
      errors: [{ line: 2 }],
    },
    {
      name: 'an escaped reference reads nothing',
      code: 'FROM alpine\nARG V=1\nENV X=\\$V',
      errors: [{ line: 2 }],
    },
    {
      name: 'ONBUILD RUN runs in another build',
      code: 'FROM alpine\nARG V=1\nONBUILD RUN make',
      errors: [{ line: 2 }],
    },
  ],
});
