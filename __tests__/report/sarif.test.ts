import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/engine/lint.js';
import { SourceText } from '../../src/engine/source.js';
import type { Finding } from '../../src/engine/types.js';
import type { ReportedFile } from '../../src/report/json.js';
import { artifactUri, SARIF_MAX_RESULTS_PER_RUN, sarifReport } from '../../src/report/sarif.js';
import { allRules } from '../../src/rules/index.js';
import { validateSarif } from './sarif-schema.js';

function lint(path: string, text: string): ReportedFile {
  return { path, ...lintText(text, { rules: allRules }) };
}

describe('sarifReport', () => {
  const log = sarifReport([lint('app/Dockerfile', 'FROM alpine:3.20\nCMD echo $HOME\n')], {
    rules: allRules,
  });
  const [run] = log.runs;

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validateSarif(log)).toEqual([]);
  });

  it('the validator does catch a broken log (so the check above means something)', () => {
    const broken = structuredClone(log) as unknown as {
      version: string;
      runs: { results: { level: string }[] }[];
    };
    broken.version = '2.0.0';
    broken.runs[0].results[0].level = 'fatal';
    expect(validateSarif(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('lists every rule with the metadata code scanning shows', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules).toHaveLength(allRules.length);
    for (const [index, rule] of rules.entries()) {
      const meta = allRules[index];
      expect(rule.id).toBe(meta.id);
      expect(rule.shortDescription?.text).toBe(meta.description);
      expect(rule.fullDescription?.text).toContain(meta.description);
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+/docs/rules/${meta.id}\\.md$`));
      expect(rule.help?.text).toContain(rule.helpUri);
      expect(rule.help?.markdown).toContain(`(${rule.helpUri})`);
      expect(rule.defaultConfiguration?.level).toBe(
        { error: 'error', warning: 'warning', info: 'note' }[meta.severity],
      );
      expect(rule.properties?.tags).toContain('dockerfile');
      expect(rule.properties?.refs).toEqual(meta.refs);
    }
    const execForm = rules.find((rule) => rule.id === 'exec-form');
    expect(execForm?.properties?.tags).toEqual(['dockerfile', 'DL3025', 'JSONArgsRecommended']);
    expect(run.tool.driver).toMatchObject({
      name: 'dockerfile-review',
      informationUri: expect.stringMatching(/^https:\/\//),
    });
  });

  it('gives each result its rule, level, 1-based region and an unsafe fix labelled as such', () => {
    const result = run.results?.[0];
    expect(result).toMatchObject({
      ruleId: 'exec-form',
      level: 'warning',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'app/Dockerfile' },
            region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 15 },
          },
        },
      ],
    });
    expect(run.tool.driver.rules?.[result?.ruleIndex ?? -1].id).toBe('exec-form');
    const fix = result?.fixes?.[0];
    expect(fix?.description?.text).toMatch(/unsafe fix: it may change behaviour/);
    expect(fix?.artifactChanges[0].replacements?.[0]).toEqual({
      deletedRegion: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 15 },
      insertedContent: { text: '["/bin/sh", "-c", "exec echo $HOME"]' },
    });
  });

  it('maps info to note and describes a finding of an unregistered rule', () => {
    const file: ReportedFile = {
      path: 'Dockerfile',
      findings: [finding({ ruleId: 'not-registered', severity: 'info' })],
      model: null,
      runtimes: [],
      source: new SourceText('FROM alpine\nCMD x\n'),
    };
    const single = sarifReport([file], { rules: allRules });
    expect(validateSarif(single)).toEqual([]);
    const [result] = single.runs[0].results ?? [];
    expect(result.level).toBe('note');
    expect(single.runs[0].tool.driver.rules?.[result.ruleIndex ?? -1].id).toBe('not-registered');
  });

  it(`keeps at most ${SARIF_MAX_RESULTS_PER_RUN} results, the most severe, and says so`, () => {
    const findings = Array.from({ length: SARIF_MAX_RESULTS_PER_RUN + 2 }, (_, index) =>
      finding({
        severity: index < 2 ? 'info' : index === SARIF_MAX_RESULTS_PER_RUN + 1 ? 'error' : 'warning',
      }),
    );
    const file: ReportedFile = {
      path: 'D',
      findings,
      model: null,
      runtimes: [],
      source: new SourceText('CMD x\n'),
    };
    const big = sarifReport([file], { rules: allRules });
    const results = big.runs[0].results ?? [];
    expect(results).toHaveLength(SARIF_MAX_RESULTS_PER_RUN);
    expect(results[0].level).toBe('error');
    expect(results.filter((result) => result.level === 'note')).toHaveLength(0);
    expect(big.runs[0].invocations?.[0].toolExecutionNotifications?.[0].message.text).toMatch(
      /^2 of 25002 findings were left out/,
    );
  });
});

describe('artifactUri', () => {
  it('percent-encodes each path segment and keeps the slashes', () => {
    expect(artifactUri('app/Dockerfile')).toBe('app/Dockerfile');
    expect(artifactUri('my app/#1/Dockerfile')).toBe('my%20app/%231/Dockerfile');
    expect(artifactUri('win\\Dockerfile')).toBe('win/Dockerfile');
    expect(artifactUri('<stdin>')).toBe('%3Cstdin%3E');
  });
});

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'exec-form',
    severity: 'warning',
    message: 'm',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 4,
    refs: {},
    ...overrides,
  };
}
