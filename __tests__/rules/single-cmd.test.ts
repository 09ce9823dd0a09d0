import rule from '../../src/rules/single-cmd.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'one CMD per stage in a multi-stage file',
      code: 'FROM golang:1.22 AS build\nCMD ["go", "test"]\nFROM alpine\nCMD ["/app"]',
    },
    {
      name: 'a child stage sets CMD again: that is how CMD is changed',
      code: 'FROM python:3 AS base\nCMD ["python"]\nFROM base\nCMD ["python", "app.py"]',
    },
    {
      name: 'CMD and HEALTHCHECK CMD',
      code: 'FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["nginx", "-g", "daemon off;"]',
    },
    { name: 'CMD and ENTRYPOINT', code: 'FROM python:3\nENTRYPOINT ["python"]\nCMD ["app.py"]' },
    {
      name: 'ONBUILD CMD is a trigger for child images',
      code: 'FROM node:20\nONBUILD CMD ["npm", "start"]\nCMD ["node"]',
    },
    {
      name: 'CMD in a heredoc body is data',
      code: 'FROM alpine\nCOPY <<EOF /etc/motd\nCMD is a Dockerfile word\nEOF\nCMD ["sh"]',
    },
    { name: 'a word CMD in RUN', code: 'FROM alpine\nRUN echo CMD && echo cmd\nCMD ["sh"]' },
  ],
  invalid: [
    {
      name: 'two CMDs: the first is overridden',
      code: 'FROM python:3\nCMD ["python", "manage.py", "migrate"]\nCMD ["python", "manage.py", "runserver"]',
      errors: [{ line: 2, message: 'the `CMD` on line 3', severity: 'warning' }],
    },
    {
      name: 'three CMDs give two findings, both naming the last',
      code: 'FROM alpine\nCMD ["a"]\nRUN true\nCMD ["b"]\nCMD ["c"]',
      errors: [
        { line: 2, message: 'line 5' },
        { line: 4, message: 'line 5' },
      ],
    },
    {
      name: 'lower-case keywords, shell and exec form mixed',
      code: 'FROM alpine\ncmd echo first\nCmd ["echo", "second"]',
      errors: [{ line: 2, message: 'This `cmd` never takes effect: the `Cmd` on line 3' }],
    },
    {
      name: 'a CMD over continuation lines spans its lines',
      code: 'FROM alpine\nCMD ["serve", \\\n  "--port", "80"]\nCMD ["serve"]',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'only the stage with the repetition',
      code: 'FROM golang:1.22 AS build\nCMD ["go", "build"]\nFROM alpine\nCMD ["/app", "--help"]\nCMD ["/app"]',
      errors: [{ line: 4, message: 'line 5' }],
    },
  ],
});
