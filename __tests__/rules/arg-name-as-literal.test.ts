// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import rule from '../../src/rules/arg-name-as-literal.js';
import { allRules } from '../../src/rules/index.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'the word is an ENV name', code: 'FROM alpine\nENV MODE=fast\nCMD ["app", "MODE"]' },
    {
      name: 'ARG and ENV of the same name',
      code: 'FROM alpine\nARG MODE=fast\nENV MODE=${MODE}\nCMD ["app", "MODE"]',
    },
    {
      name: 'ARG of another stage',
      code: 'FROM alpine AS a\nARG mode=fast\nFROM alpine\nCMD ["app", "mode"]',
    },
    { name: 'ARG declared after the instruction', code: 'FROM alpine\nCMD ["app", "mode"]\nARG mode=fast' },
    { name: 'global ARG not declared in the stage', code: 'ARG mode=fast\nFROM alpine\nCMD ["app", "mode"]' },
    { name: 'names are case-sensitive', code: 'FROM alpine\nARG mode=fast\nCMD ["app", "MODE"]' },
    { name: 'the program itself', code: 'FROM alpine\nARG python=3\nCMD ["python", "app.py"]' },
    { name: 'shell form (a word, not an exec argument)', code: 'FROM alpine\nARG mode=fast\nCMD app mode' },
    { name: 'a sh -c script is a command', code: 'FROM alpine\nARG serve=1\nCMD ["sh", "-c", "serve"]' },
    { name: 'RUN is not checked', code: 'FROM alpine\nARG target=all\nRUN ["make", "target"]' },
    { name: 'part of a word only', code: 'FROM alpine\nARG mode=fast\nCMD ["app", "--mode=mode"]' },
  ],
  invalid: [
    {
      name: 'the guidance example: ENTRYPOINT + CMD suggestion with the default',
      code: 'FROM python:3.12\nARG tool_mode=fast\nENTRYPOINT ["python", "./app/tool.py", "tool_mode"]',
      errors: [
        {
          line: 3,
          column: 40,
          message:
            'write `ENTRYPOINT ["python", "./app/tool.py"]` and `CMD ["fast"]`; or set `ENV TOOL_MODE=${tool_mode}`',
        },
      ],
    },
    {
      name: 'CMD: write the value itself',
      code: 'FROM alpine\nARG mode=fast\nCMD ["app", "mode"]',
      errors: [{ line: 3, message: '`CMD ["app", "fast"]`' }],
    },
    {
      name: 'a redeclared global ARG carries its default',
      code: 'ARG mode=fast\nFROM alpine\nARG mode\nENTRYPOINT ["app", "mode"]',
      errors: [{ line: 4, message: '`CMD ["fast"]`' }],
    },
    {
      name: 'an ARG without a default',
      code: 'FROM alpine\nARG mode\nENTRYPOINT ["app", "mode"]',
      errors: [{ line: 3, message: '`CMD ["<mode>"]`' }],
    },
    {
      name: 'exec form over continuation lines',
      code: 'FROM alpine\nARG mode=fast\nENTRYPOINT ["app", \\\n  "mode"]',
      errors: [{ line: 4, column: 3 }],
    },
    {
      name: 'ARG from the parent stage',
      code: 'FROM alpine AS base\nARG mode=fast\nFROM base\ncmd ["app", "mode"]',
      errors: [{ line: 4, message: '(line 2)' }],
    },
    {
      name: 'HEALTHCHECK and a multi-name ARG',
      code: 'FROM alpine\nARG a=1 url=http://localhost/\nHEALTHCHECK CMD ["curl", "-f", "url"]',
      errors: [{ line: 3, message: '`HEALTHCHECK CMD` passes the literal word `url`' }],
    },
    {
      name: 'not the last argument of an ENTRYPOINT: ENV advice',
      code: 'FROM alpine\nARG mode=fast\nENTRYPOINT ["app", "mode", "--verbose"]',
      errors: [{ line: 3, message: 'Write the value itself, or set `ENV MODE=${mode}`' }],
    },
  ],
});

describe('the seed file (issue 2, "Done when")', () => {
  const mine = new Set([
    'exec-form-variable',
    'arg-at-runtime',
    'arg-name-as-literal',
    'undefined-var',
    'undefined-arg-in-from',
    'invalid-default-arg-in-from',
    'unused-arg',
    'secret-in-arg-env',
    'exec-form',
    'invalid-exec-form',
  ]);
  const text = readFileSync(
    new URL('../../bench/fixtures/seed-mistakes.Dockerfile', import.meta.url),
    'utf8',
  );
  const findings = lintText(text, { rules: allRules }).findings.filter((finding) => mine.has(finding.ruleId));

  it('reports the literal ARG name on the ENTRYPOINT and the unused ARG, and nothing else', () => {
    expect(findings.map((finding) => [finding.line, finding.ruleId])).toEqual([
      [8, 'unused-arg'],
      [9, 'arg-name-as-literal'],
    ]);
  });

  it('explains the run-time effect in both messages', () => {
    for (const finding of findings)
      expect(finding.message).toContain('ARGs do not exist when the container runs');
    expect(findings[1].message).toContain('`CMD ["fast"]`');
    expect(findings[0].message).toContain('passes the literal word `tool_mode`');
  });
});
