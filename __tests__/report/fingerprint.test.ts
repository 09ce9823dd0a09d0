import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import {
  FINGERPRINT_KEY,
  findingFingerprints,
  fingerprint,
  normalizeInstructionText,
} from '../../src/report/fingerprint.js';
import { sarifReport } from '../../src/report/sarif.js';
import { allRules } from '../../src/rules/index.js';

function fingerprintsOf(path: string, text: string): { ruleId: string; line: number; fingerprint: string }[] {
  const result = lintText(text, { rules: allRules });
  const fingerprints = findingFingerprints({ path, ...result });
  return result.findings.map((finding, index) => ({
    ruleId: finding.ruleId,
    line: finding.line,
    fingerprint: fingerprints[index],
  }));
}

describe('fingerprint', () => {
  it('is a sha256 hex digest of rule, path and text', () => {
    expect(fingerprint('exec-form', 'Dockerfile', 'CMD x')).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint('exec-form', 'Dockerfile', 'CMD x')).toBe(
      fingerprint('exec-form', 'Dockerfile', 'CMD x'),
    );
  });

  it('changes with the rule, the path, the text or the occurrence', () => {
    const base = fingerprint('exec-form', 'Dockerfile', 'CMD x');
    expect(fingerprint('single-cmd', 'Dockerfile', 'CMD x')).not.toBe(base);
    expect(fingerprint('exec-form', 'app/Dockerfile', 'CMD x')).not.toBe(base);
    expect(fingerprint('exec-form', 'Dockerfile', 'CMD y')).not.toBe(base);
    expect(fingerprint('exec-form', 'Dockerfile', 'CMD x', 1)).not.toBe(base);
    expect(fingerprint('exec-form', 'Dockerfile', 'CMD x', 0)).toBe(base);
  });

  it('cannot be forged by moving text across the separators', () => {
    expect(fingerprint('a', 'b c', 'd')).not.toBe(fingerprint('a b', 'c', 'd'));
  });

  it('ignores whitespace, line continuations, comment lines inside the instruction and path separators', () => {
    const base = fingerprint('exec-form', 'app/Dockerfile', 'CMD nginx -g daemon-off');
    expect(fingerprint('exec-form', 'app\\Dockerfile', 'CMD   nginx -g daemon-off  ')).toBe(base);
    expect(fingerprint('exec-form', 'app/Dockerfile', 'CMD nginx \\\n  -g \\\r\n  daemon-off')).toBe(base);
    expect(fingerprint('exec-form', 'app/Dockerfile', 'CMD nginx `\n  -g daemon-off')).toBe(base);
    expect(fingerprint('exec-form', 'app/Dockerfile', 'CMD nginx \\\n# a note\n  -g daemon-off')).toBe(base);
    expect(normalizeInstructionText('RUN a \\\n\tb\n')).toBe('RUN a b');
  });
});

describe('findingFingerprints', () => {
  const text = 'FROM nginx:1.27\nCMD nginx -g daemon-off\n';

  it('is stable when lines are inserted above, and when the instruction is re-wrapped', () => {
    const before = fingerprintsOf('Dockerfile', text);
    const shifted = fingerprintsOf('Dockerfile', `# syntax=docker/dockerfile:1\n\n${text}`);
    const rewrapped = fingerprintsOf('Dockerfile', 'FROM nginx:1.27\nCMD nginx \\\n    -g daemon-off\n');
    expect(before.map((entry) => entry.ruleId)).toEqual(['exec-form']);
    expect(shifted[0].line).toBe(before[0].line + 2);
    expect(shifted[0].fingerprint).toBe(before[0].fingerprint);
    expect(rewrapped[0].fingerprint).toBe(before[0].fingerprint);
  });

  it('keeps identical findings on identical instructions apart, in order', () => {
    const twice = fingerprintsOf(
      'Dockerfile',
      'FROM alpine:3.20 AS a\nCMD top -b\nFROM alpine:3.20\nCMD top -b\n',
    );
    expect(twice.map((entry) => entry.ruleId)).toEqual(['exec-form', 'exec-form']);
    expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
    // The first keeps the plain fingerprint, so adding a second copy later does not move the first alert.
    expect(twice[0].fingerprint).toBe(fingerprint('exec-form', 'Dockerfile', 'CMD top -b'));
  });

  it('is what SARIF carries as partialFingerprints', () => {
    const result = lintText(text, { rules: allRules });
    const log = sarifReport([{ path: 'Dockerfile', ...result }], { rules: allRules });
    expect(log.runs[0].results?.[0].partialFingerprints).toEqual({
      [FINGERPRINT_KEY]: findingFingerprints({ path: 'Dockerfile', ...result })[0],
    });
  });

  it('falls back to the finding lines when the file was not parsed', () => {
    const result = lintText(`FROM alpine\n${'#\n'.repeat(50)}`, { rules: allRules, maxFileSize: 10 });
    expect(result.model).toBeNull();
    expect(findingFingerprints({ path: 'Dockerfile', ...result })).toEqual([
      fingerprint('file-too-large', 'Dockerfile', 'FROM alpine'),
    ]);
  });
});
