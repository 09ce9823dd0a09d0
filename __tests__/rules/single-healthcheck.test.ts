import rule from '../../src/rules/single-healthcheck.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'one HEALTHCHECK per stage',
      code: 'FROM nginx AS a\nHEALTHCHECK CMD curl -f http://localhost/\nFROM nginx\nHEALTHCHECK CMD curl -f http://localhost/',
    },
    {
      name: 'a child stage turns the inherited check off',
      code: 'FROM nginx AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\nHEALTHCHECK NONE',
    },
    {
      name: 'HEALTHCHECK CMD and CMD',
      code: 'FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/\nCMD ["nginx"]',
    },
    { name: 'ONBUILD HEALTHCHECK', code: 'FROM nginx\nONBUILD HEALTHCHECK NONE\nHEALTHCHECK CMD true' },
    { name: 'the word in a RUN', code: 'FROM nginx\nRUN echo HEALTHCHECK\nHEALTHCHECK CMD true' },
    {
      name: 'a check over continuation lines',
      code: 'FROM nginx\nHEALTHCHECK --interval=30s \\\n  CMD curl -f http://localhost/',
    },
  ],
  invalid: [
    {
      name: 'two checks',
      code: 'FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/health',
      errors: [{ line: 2, message: 'the `HEALTHCHECK` on line 3', severity: 'warning' }],
    },
    {
      name: 'a later NONE turns the check off',
      code: 'FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK NONE',
      errors: [{ line: 2, message: 'turns health checks off' }],
    },
    {
      name: 'NONE overridden by a later check',
      code: 'FROM nginx\nhealthcheck none\nhealthcheck CMD true',
      errors: [{ line: 2, message: 'This `healthcheck NONE` has no effect' }],
    },
    {
      name: 'three give two findings',
      code: 'FROM nginx\nHEALTHCHECK CMD a\nHEALTHCHECK NONE\nHEALTHCHECK CMD c',
      errors: [
        { line: 2, message: 'line 4' },
        { line: 3, message: 'line 4' },
      ],
    },
    {
      name: 'multi-line check in the second stage',
      code: 'FROM nginx AS a\nRUN true\nFROM nginx\nHEALTHCHECK --interval=30s \\\n  CMD curl -f http://localhost/\nHEALTHCHECK CMD true',
      errors: [{ line: 4, endLine: 5, message: 'line 6' }],
    },
  ],
});
