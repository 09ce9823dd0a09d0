import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import rule from '../../src/rules/invalid-definition-description.js';
import { testRule } from '../support/rule-tester.js';

const enabled = { ...rule, enabledByDefault: true };

describe('invalid-definition-description is off by default, as the experimental BuildKit check', () => {
  it('reports nothing unless turned on', () => {
    const code = '# bad comment\nARG foo=bar\nFROM alpine';
    expect(lintText(code, { rules: [rule] }).findings).toEqual([]);
    expect(lintText(code, { rules: [rule], ruleSettings: { [rule.id]: 'warning' } }).findings).toHaveLength(
      1,
    );
  });
});

testRule(enabled, {
  valid: [
    {
      name: 'upstream testDefinitionDescription (valid file)',
      code: '# check=skip=all;experimental=InvalidDefinitionDescription\n# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n\n# version this is the version number\nARG version=latest\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n# comment for something other than ARG or FROM\nCOPY Dockerfile .\n',
    },
    { name: 'no comment above', code: 'FROM alpine AS build\nARG VERSION' },
    { name: 'an unnamed FROM', code: '# the base image\nFROM alpine' },
    { name: 'an empty # line ends the description', code: '# some notes\n#\nFROM alpine AS build' },
    {
      name: 'a suppression pragma is not a description',
      code: 'FROM alpine\n# hadolint ignore=DL3006\nARG BASE',
    },
    { name: 'our own pragma either', code: 'FROM alpine\n# dockerfile-review ignore=unused-arg\nARG NAME' },
    {
      name: 'a syntax directive is not a comment',
      code: '# syntax=docker/dockerfile:1\nARG VERSION=1\nFROM alpine',
    },
  ],
  invalid: [
    {
      name: 'upstream testDefinitionDescription (warnings)',
      code: '# check=experimental=InvalidDefinitionDescription\n# bar this is the bar\nARG foo=bar\n# BasE this is the BasE image\nFROM scratch AS base\n# definitely a bad comment\nARG version=latest\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n',
      errors: [
        { line: 3, message: '`# foo <description>`', fix: 'none' },
        { line: 5, message: '`# base <description>`' },
        { line: 7, message: '`# version <description>`' },
        { line: 9, message: '`# <name> <description>`' },
      ],
    },
    {
      name: 'a blank line does not separate the comment (BuildKit’s parser keeps it)',
      code: '# Build the Go binary\n\nFROM golang:1.22 AS build',
      errors: [{ line: 3 }],
    },
    {
      name: 'the last of several comment lines is judged',
      code: 'FROM alpine\n# VERSION the version\n# pinned for reproducibility\nARG VERSION=1.2',
      errors: [{ line: 4 }],
    },
    {
      name: 'case matters; stage names compare in lowercase',
      code: '# Builder stage\nFROM golang AS Builder',
      errors: [{ line: 2, message: '`builder`' }],
    },
    {
      name: 'after a multi-line instruction',
      code: 'FROM alpine\nRUN apk add \\\n  curl\n# the user id\nARG UID=1000',
      errors: [{ line: 5 }],
    },
  ],
});
