import rule from '../../src/rules/single-entrypoint.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'one ENTRYPOINT per stage',
      code: 'FROM golang:1.22 AS build\nENTRYPOINT ["go"]\nFROM alpine\nENTRYPOINT ["/app"]',
    },
    {
      name: 'a child stage replaces the inherited ENTRYPOINT',
      code: 'FROM alpine AS base\nENTRYPOINT ["/bin/sh"]\nFROM base\nENTRYPOINT ["/app"]',
    },
    { name: 'ENTRYPOINT and CMD', code: 'FROM python:3\nENTRYPOINT ["python"]\nCMD ["app.py"]' },
    { name: 'ONBUILD ENTRYPOINT', code: 'FROM alpine\nONBUILD ENTRYPOINT ["/child"]\nENTRYPOINT ["/app"]' },
    { name: 'the word in a RUN', code: 'FROM alpine\nRUN echo ENTRYPOINT\nENTRYPOINT ["/app"]' },
    {
      name: 'ENTRYPOINT in a heredoc body',
      code: 'FROM alpine\nRUN <<EOF\necho ENTRYPOINT\nEOF\nENTRYPOINT ["/app"]',
    },
  ],
  invalid: [
    {
      name: 'two ENTRYPOINTs',
      code: 'FROM python:3\nENTRYPOINT ["python"]\nCOPY . .\nENTRYPOINT ["python", "app.py"]',
      errors: [{ line: 2, message: 'the `ENTRYPOINT` on line 4', severity: 'warning' }],
    },
    {
      name: 'three ENTRYPOINTs give two findings',
      code: 'FROM alpine\nENTRYPOINT ["a"]\nENTRYPOINT b\nENTRYPOINT ["c"]',
      errors: [
        { line: 2, message: 'line 4' },
        { line: 3, message: 'line 4' },
      ],
    },
    {
      name: 'lower-case keyword',
      code: 'FROM alpine\nentrypoint ["/old"]\nentrypoint ["/new"]',
      errors: [{ line: 2, message: 'This `entrypoint` never takes effect' }],
    },
    {
      name: 'multi-line ENTRYPOINT',
      code: 'FROM alpine\nENTRYPOINT ["/app", \\\n  "--serve"]\nENTRYPOINT ["/app"]',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'only in the second stage',
      code: 'FROM alpine AS a\nENTRYPOINT ["/a"]\nFROM alpine\nENTRYPOINT ["/b"]\nENTRYPOINT ["/c"]',
      errors: [{ line: 4, message: 'line 5' }],
    },
  ],
});
