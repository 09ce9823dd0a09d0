import rule from '../../src/rules/curl-and-wget.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b',
    'FROM debian:12\nRUN wget -q https://example.com/a\nRUN wget -q https://example.com/b',
    {
      name: 'different stages not built from each other',
      code: 'FROM debian:12 AS fetch\nRUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsSLO https://example.com/b',
    },
    { name: 'installing both is not using them', code: 'FROM debian:12\nRUN apt-get install -y curl wget' },
    {
      name: 'asking whether wget exists is not using it',
      code: 'FROM debian:12\nRUN command -v wget || curl -fsSLO https://example.com/a',
    },
    {
      name: 'a later stage built from another image',
      code: 'FROM debian:12 AS base\nRUN curl -fsSLO https://example.com/a\nFROM alpine:3.20\nRUN wget -q https://example.com/b',
    },
    {
      name: 'words, not commands',
      code: "FROM debian:12\nRUN echo 'curl or wget' && curl -fsSL https://example.com",
    },
  ],
  invalid: [
    {
      name: 'both in one stage: reported where the second appears',
      code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a\nRUN wget -q https://example.com/b',
      errors: [{ line: 3, message: 'line 2 uses `curl`' }],
    },
    {
      name: 'both in one RUN',
      code: 'FROM debian:12\nRUN wget -q https://example.com/a && curl -fsSLO https://example.com/b',
      errors: [{ line: 2, message: 'both `wget` and `curl`' }],
    },
    {
      name: 'the parent stage used the other (hadolint resets at FROM)',
      code: 'FROM debian:12 AS base\nRUN curl -fsSLO https://example.com/a\nFROM base\nRUN wget -q https://example.com/b',
      errors: [{ line: 4, message: 'in the stage this one is built FROM' }],
    },
    {
      name: 'heredoc and sh -c, lower case',
      code: "FROM debian:12\nrun sh -c 'wget -q https://example.com/a'\nrun <<EOF\ncurl -fsSLO https://example.com/b\nEOF",
      errors: [{ line: 3, endLine: 4 }],
    },
    {
      name: 'ONBUILD RUN counts for its stage',
      code: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a\nONBUILD RUN wget -q https://example.com/b',
      errors: [{ line: 3 }],
    },
  ],
});
