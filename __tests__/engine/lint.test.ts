import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fixes.js';
import { lintText } from '../../src/engine/lint.js';
import { defineRule, type Rule } from '../../src/engine/types.js';
import { allRules } from '../../src/rules/index.js';

const ids = (text: string, options: Partial<Parameters<typeof lintText>[1]> = {}) =>
  lintText(text, { rules: allRules, ...options }).findings.map(
    (finding) => `${finding.line}:${finding.ruleId}`,
  );

describe('lintText guards', () => {
  it('reports a file over the size cap once instead of parsing it', () => {
    const result = lintText(`FROM alpine\nRUN echo ${'x'.repeat(2000)}\n`, {
      rules: allRules,
      maxFileSize: 1000,
    });
    expect(result.model).toBeNull();
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['file-too-large']);
    expect(result.findings[0].message).toMatch(/2,0\d\d bytes, over the 1,000-byte limit/);
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    expect(ids('FROM alpine\nLABEL a="ééééé"\n', { maxFileSize: 30 })).toEqual(['1:file-too-large']);
  });

  it('turns a crashing rule into a finding and keeps the other rules', () => {
    const crashing: Rule = defineRule({
      id: 'crashing',
      severity: 'warning',
      description: 'crashes',
      refs: {},
      basis: [],
      fixable: 'never',
      check() {
        throw new Error('boom');
      },
    });
    const result = lintText('FROM alpine\nCMD run it\n', { rules: [crashing, ...allRules] });
    const messages = result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    expect(
      messages.some((message) =>
        message.startsWith('internal-error: The rule `crashing` failed on this file (boom)'),
      ),
    ).toBe(true);
    expect(result.findings.some((finding) => finding.ruleId === 'exec-form')).toBe(true);
  });

  it('strips a byte order mark and reads CRLF files', () => {
    const result = lintText('\uFEFFFROM alpine\r\nCMD run it\r\n', { rules: allRules });
    const exec = result.findings.find((finding) => finding.ruleId === 'exec-form');
    expect(exec).toMatchObject({ line: 2, column: 1 });
    expect(applyFixes('\uFEFFFROM alpine\r\nCMD run it\r\n', { rules: allRules }).text).toBe(
      '\uFEFFFROM alpine\r\nCMD ["run", "it"]\r\n',
    );
  });

  it('never throws on garbage and keeps positions inside the file', () => {
    for (const text of [
      '\\\n\\\n',
      'FROM',
      '[',
      'CMD ["',
      'FROM a\nRUN <<',
      '# escape=`\nFROM a\nRUN x `',
      '\r\r\n\n',
    ]) {
      const result = lintText(text, { rules: allRules });
      const lines = text.split('\n').length;
      for (const finding of result.findings) {
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.endLine).toBeLessThanOrEqual(lines);
      }
    }
  });
});

describe('suppressions and severity overrides', () => {
  const shellCmd = 'FROM alpine\nCMD run it\n';

  it('our pragma silences the next instruction only', () => {
    const text = 'FROM alpine\n# dockerfile-review ignore=exec-form\nCMD run it\nENTRYPOINT run it\n';
    expect(ids(text).filter((id) => id.endsWith('exec-form'))).toEqual(['4:exec-form']);
  });

  it('hadolint and BuildKit pragmas map through refs', () => {
    expect(ids(`FROM alpine\n# hadolint ignore=DL3025\nCMD run it\n`)).not.toContain('3:exec-form');
    expect(ids(`# hadolint global ignore=DL3025\n${shellCmd}`)).not.toContain('3:exec-form');
    expect(ids(`# check=skip=JSONArgsRecommended\n${shellCmd}`)).not.toContain('3:exec-form');
    expect(ids(`# check=skip=all\n${shellCmd}`)).not.toContain('3:exec-form');
    // BuildKit cuts the value at the first space: only the first name is skipped.
    expect(ids(`# check=skip=UndefinedVar, JSONArgsRecommended\n${shellCmd}`)).toContain('3:exec-form');
  });

  it('a check directive after an ordinary comment is a local comment, not a file directive', () => {
    const text = '# hello\n# check=skip=JSONArgsRecommended\nFROM alpine\nCMD run it\n';
    expect(ids(text)).toContain('4:exec-form');
  });

  it('a comment inside a continued instruction is not a pragma for the next one', () => {
    const text = 'FROM alpine\nRUN echo a \\\n  # dockerfile-review ignore=exec-form\n  b\nCMD run it\n';
    expect(ids(text)).toContain('5:exec-form');
  });

  it('severity overrides and off', () => {
    const result = lintText(shellCmd, { rules: allRules, ruleSettings: { 'exec-form': 'error' } });
    expect(result.findings.find((finding) => finding.ruleId === 'exec-form')?.severity).toBe('error');
    expect(ids(shellCmd, { ruleSettings: { 'exec-form': 'off' } })).not.toContain('2:exec-form');
  });
});

describe('the model reads arguments with the file escape character', () => {
  it('keeps backslashes of Windows paths under # escape=`', async () => {
    const { buildModel } = await import('../../src/engine/model.js');
    const model = buildModel('# escape=`\nFROM mcr.microsoft.com/windows/servercore\nARG TOOLS=C:\\tools\n');
    expect(model.stages[0].declarations.get('TOOLS')?.[0].value).toBe('C:\\tools');
  });
});
