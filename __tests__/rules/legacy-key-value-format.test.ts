// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitWords } from '../../src/engine/lexer.js';
import rule from '../../src/rules/legacy-key-value-format.js';
import { asSingleWord } from '../../src/rules/shared/buildkit-quote.js';
import { expandWithDefaults } from '../../src/rules/shared/vars-image-ref.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'upstream: key=value forms', code: '\nFROM scratch\nENV testkey=value\nLABEL key=value\n' },
    {
      name: 'quoted and multi-line key=value',
      code: 'FROM alpine\nENV A="x y" \\\n    B=2\nLABEL "com.example.vendor"="ACME Inc"',
    },
    { name: 'ARG a b declares two ARGs: not the legacy form', code: 'FROM alpine\nARG a b\nRUN echo $a $b' },
    { name: 'a quoted first word holding =', code: 'FROM alpine\nLABEL "a=b" c=d' },
    { name: 'ENV with a lone key is refused by Docker: not this rule', code: 'FROM alpine\nENV A' },
    { name: 'ONBUILD ENV runs in another build', code: 'FROM alpine\nONBUILD ENV PATH /opt/bin:$PATH' },
    { name: 'a global ARG is not ENV', code: 'ARG VERSION 1\nFROM alpine' },
  ],
  invalid: [
    {
      name: 'upstream testLegacyKeyValueFormat',
      code: '\nFROM scratch\nENV testkey value\nLABEL key value\n',
      errors: [
        { line: 3, message: 'legacy `ENV key value` form', fix: 'safe' },
        { line: 4, message: 'legacy `LABEL key value` form', fix: 'safe' },
      ],
      output: '\nFROM scratch\nENV testkey=value\nLABEL key=value\n',
    },
    {
      name: 'upstream: reported in a stage no target needs (--check semantics)',
      code: '\nFROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n',
      errors: [{ line: 5 }, { line: 6 }],
      output: '\nFROM scratch AS a\n\nFROM a AS b\nENV testkey=value\nLABEL key=value\n\nFROM a AS c\n',
    },
    {
      name: 'spaces in the value are kept by quoting, variables still expand',
      code: 'FROM eclipse-temurin:21\nENV JAVA_OPTS -Xms256m  -Xmx1g -Dapp.home=$APP_HOME',
      errors: [{ line: 2 }],
      output: 'FROM eclipse-temurin:21\nENV JAVA_OPTS="-Xms256m  -Xmx1g -Dapp.home=$APP_HOME"',
    },
    {
      name: 'embedded quotes, a single-quoted $ and an escaped $ keep their meaning',
      code: `FROM alpine\nENV GREETING say "hi there" '$HOME' \\$USER now`,
      errors: [{ line: 2 }],
      output: `FROM alpine\nENV GREETING="say hi there \\$HOME \\$USER now"`,
    },
    {
      name: 'a double quote inside single quotes is escaped',
      code: `FROM alpine\nLABEL note 'a "quoted" word' here`,
      errors: [{ line: 2 }],
      output: `FROM alpine\nLABEL note="a \\"quoted\\" word here"`,
    },
    {
      name: 'an unbalanced quote: reported without a fix',
      code: `FROM alpine\nLABEL note it's fine`,
      errors: [{ line: 2, fix: 'none' }],
    },
    {
      name: 'a single word needs no quotes; ${VAR:-default} kept as written',
      code: 'FROM node:20\nENV NODE_ENV ${NODE_ENV:-production}',
      errors: [{ line: 2 }],
      output: 'FROM node:20\nENV NODE_ENV=${NODE_ENV:-production}',
    },
    {
      name: 'a value over continuation lines becomes one line with the same spaces',
      code: 'FROM alpine\nenv PATH /opt/app/bin:\\\n/usr/local/bin:$PATH\nRUN app',
      errors: [{ line: 2 }],
      output: 'FROM alpine\nenv PATH=/opt/app/bin:/usr/local/bin:$PATH\nRUN app',
    },
    {
      name: 'with # escape=` the backtick escapes inside the new quotes',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV GREETING hello "big" world',
      errors: [{ line: 3 }],
      output:
        '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV GREETING="hello big world"',
    },
    {
      name: 'a quoted key cannot be moved: reported without a fix',
      code: 'FROM alpine\nLABEL "description" A small image',
      errors: [{ line: 2, fix: 'none' }],
    },
  ],
});

describe('the fixed value reads the same as the legacy one', () => {
  const values = new Map([
    ['A', 'one two'],
    ['B', ''],
  ]);
  it('for random values over quotes, escapes, blanks and variables', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('a', 'b', ' ', '  ', '"', "'", '\\', '$', '$A', '${B:-x}', '${A}', '=', '-', '`'),
          {
            maxLength: 12,
          },
        ),
        fc.constantFrom('\\', '`'),
        (parts, escapeChar) => {
          const raw = parts.join('').trim();
          const word = asSingleWord(raw, escapeChar);
          const before = expandWithDefaults(raw, values, escapeChar);
          if (raw === '' || word === null || before === null) return;
          expect(splitWords(word, escapeChar)).toHaveLength(1);
          expect(expandWithDefaults(word, values, escapeChar)?.value).toBe(before.value);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
