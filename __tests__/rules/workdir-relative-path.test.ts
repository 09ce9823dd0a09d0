// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/workdir-relative-path.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20\nWORKDIR /app\nCOPY . .',
    {
      name: 'upstream: the parent stage already set a WORKDIR',
      code: '\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n',
    },
    {
      name: 'hadolint DL3000 false positive: a relative WORKDIR after an absolute one',
      code: 'FROM python:3.12\nWORKDIR /srv\nWORKDIR app\nCOPY . .',
    },
    {
      name: 'grandparent stage',
      code: 'FROM alpine AS a\nWORKDIR /a\nFROM a AS b\nFROM b AS c\nWORKDIR src',
    },
    { name: 'absolute after expansion', code: 'FROM alpine\nARG HOME_DIR=/home/app\nWORKDIR $HOME_DIR/src' },
    {
      name: 'a variable whose value comes from the base image',
      code: 'FROM golang:1.22\nWORKDIR $GOPATH/src/app',
    },
    {
      name: 'Windows paths are absolute',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app',
    },
    { name: 'ONBUILD WORKDIR runs in another build', code: 'FROM alpine\nONBUILD WORKDIR app\nWORKDIR /srv' },
    { name: 'quoted absolute path', code: 'FROM alpine\nWORKDIR "/my app"' },
  ],
  invalid: [
    {
      name: 'upstream testWorkdirRelativePath',
      code: '\nFROM scratch\nWORKDIR app/\n',
      errors: [{ line: 3, message: '`WORKDIR app/` is relative', fix: 'none' }],
    },
    {
      name: 'only the first WORKDIR of the stage is reported',
      code: 'FROM node:20\nworkdir ./app\nWORKDIR src\nCOPY . .',
      errors: [{ line: 2, message: 'such as `/app`' }],
    },
    {
      name: 'a sibling stage’s WORKDIR does not count',
      code: 'FROM alpine AS a\nWORKDIR /a\nFROM alpine AS b\nWORKDIR b',
      errors: [{ line: 4 }],
    },
    {
      name: 'tilde is not a home directory',
      code: 'FROM alpine\nWORKDIR ~/project',
      errors: [{ line: 2, message: '`~` is not expanded' }],
    },
    {
      name: 'relative after expanding a stage ARG',
      code: 'FROM alpine\nARG DIR=build\nWORKDIR ${DIR}/out',
      errors: [{ line: 3, message: '`WORKDIR build/out`' }],
    },
    {
      name: 'a literal start decides even when a variable is unknown',
      code: 'FROM alpine\nWORKDIR src/$APP_NAME',
      errors: [{ line: 2 }],
    },
  ],
});
