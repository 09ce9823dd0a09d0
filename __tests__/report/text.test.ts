import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { describeCounts, textReport } from '../../src/report/text.js';
import { withoutColour } from '../cli/run-cli.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'exec-form',
    severity: 'warning',
    message: 'CMD uses shell form',
    line: 2,
    column: 1,
    endLine: 2,
    endColumn: 10,
    refs: {},
    ...overrides,
  };
}

describe('textReport', () => {
  it('prints one grep-able line per finding and a count line', () => {
    const report = textReport([
      {
        path: 'a/Dockerfile',
        findings: [finding(), finding({ line: 7, column: 3, severity: 'error', ruleId: 'single-cmd' })],
      },
      { path: 'b/Dockerfile', findings: [finding({ severity: 'info', message: 'two\nlines' })] },
    ]);
    expect(report).toBe(
      [
        'a/Dockerfile:2:1 warning exec-form CMD uses shell form',
        'a/Dockerfile:7:3 error single-cmd CMD uses shell form',
        'b/Dockerfile:2:1 info exec-form two lines',
        '3 findings (1 error, 1 warning, 1 info) in 2 files.',
        '',
      ].join('\n'),
    );
  });

  it('mentions what --fix and --unsafe-fixes would do', () => {
    const safe = finding({ fix: { safety: 'safe', title: 't', edits: [] } });
    const unsafe = finding({ fix: { safety: 'unsafe', title: 't', edits: [] } });
    expect(
      textReport([{ path: 'D', findings: [safe, safe, unsafe] }])
        .trimEnd()
        .split('\n')
        .at(-1),
    ).toBe('3 findings (3 warnings) in 1 file. 2 fixable with --fix, 1 more with --unsafe-fixes.');
  });

  it('colours only when asked, around the same characters', () => {
    const files = [{ path: 'D', findings: [finding({ severity: 'error' })] }];
    const plain = textReport(files);
    const coloured = textReport(files, { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31merror\u001b[0m');
    expect(withoutColour(coloured)).toBe(plain);
  });

  it('reports a clean run', () => {
    expect(textReport([])).toBe('No findings in 0 files.\n');
    expect(textReport([{ path: 'D', findings: [] }])).toBe('No findings in 1 file.\n');
  });
});

describe('describeCounts', () => {
  it('lists non-zero counts, most severe first, with plurals', () => {
    expect(describeCounts({ error: 2, warning: 1, info: 0, total: 3 })).toBe('2 errors, 1 warning');
    expect(describeCounts({ error: 0, warning: 0, info: 3, total: 3 })).toBe('3 info');
  });
});
