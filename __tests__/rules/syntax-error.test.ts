import rule from '../../src/rules/syntax-error.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine\nRUN echo hi',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Dockerfile text, not a template.
    { name: 'global ARGs before FROM are allowed', code: 'ARG BASE=alpine\nARG TAG\nFROM ${BASE}:${TAG}' },
    {
      name: 'comments and directives before FROM',
      code: '# syntax=docker/dockerfile:1\n# a comment\nFROM alpine',
    },
    { name: 'lower-case keywords are instructions', code: 'from alpine\nrun echo hi' },
    { name: 'a closed heredoc', code: 'FROM alpine\nRUN <<EOF\necho hi\nEOF\nCMD ["sh"]' },
  ],
  invalid: [
    {
      name: 'unknown instruction',
      code: 'FROM alpine\nRUNN apk add curl',
      errors: [{ line: 2, message: 'Unknown instruction `RUNN`' }],
    },
    {
      name: 'instruction before FROM',
      code: 'EXPOSE 80\nFROM nginx',
      errors: [{ line: 1, message: 'before the first FROM' }],
    },
    {
      name: 'unterminated heredoc swallows the rest',
      code: 'FROM alpine\nRUN <<EOF\necho hi\nCMD ["x"]',
      errors: [{ line: 2, message: 'never closed' }],
    },
    {
      name: 'no FROM at all',
      code: 'RUN echo hi',
      errors: [
        { line: 1, message: 'before the first FROM' },
        { line: 1, message: 'no FROM' },
      ],
    },
    { name: 'FROM without an image', code: 'FROM\nRUN x', errors: [{ line: 1, message: 'no base image' }] },
    {
      name: 'FROM with extra words',
      code: 'FROM alpine AS a b',
      errors: [{ line: 1, message: 'optional `AS name`' }],
    },
    { name: 'empty file', code: '', errors: [{ line: 1, message: 'no instructions' }] },
    { name: 'comment-only file', code: '# nothing yet\n', errors: [{ line: 1, message: 'no instructions' }] },
    {
      name: 'binary data',
      code: 'FROM alpine\n\u0000\u0001\u0002',
      errors: [{ line: 1, message: 'NUL bytes' }],
    },
  ],
});
