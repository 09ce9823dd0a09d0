/** Each --format end to end through the CLI, on real files: the shapes other tools consume. */
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { validateSarif } from '../report/sarif-schema.js';
import { CLEAN, project, runCli, SHELL_FORM_CMD } from './run-cli.js';

const MULTI_STAGE = [
  'FROM python:3.12 AS base',
  'ENTRYPOINT ["python"]',
  'FROM base AS final',
  'CMD ["app.py"]',
  'FROM alpine:3.20',
  'ENTRYPOINT exec top -b',
  '',
].join('\n');

describe('--format json: the DESIGN.md contract, field for field', () => {
  it('has exactly the contract keys, in order', async () => {
    const cwd = project({ 'app/Dockerfile': SHELL_FORM_CMD });
    const run = await runCli(cwd, ['--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['tool', 'files']);
    expect(Object.keys(report.tool)).toEqual(['name', 'version']);
    expect(report.tool.name).toBe('dockerfile-review');
    expect(report.files).toHaveLength(1);
    const [file] = report.files;
    expect(Object.keys(file)).toEqual(['path', 'findings', 'runtime']);
    expect(file.path).toBe('app/Dockerfile');
    const finding = file.findings.find((candidate: { ruleId: string }) => candidate.ruleId === 'exec-form');
    expect(Object.keys(finding)).toEqual([
      'ruleId',
      'severity',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'refs',
      'fix',
    ]);
    expect(finding).toMatchObject({
      ruleId: 'exec-form',
      severity: 'warning',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 24,
      refs: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
    });
    // The contract's fix keys first; `title` is an addition, appended.
    expect(Object.keys(finding.fix)).toEqual(['safety', 'edits', 'title']);
    expect(finding.fix.safety).toBe('safe');
    expect(Object.keys(finding.fix.edits[0])).toEqual(['line', 'column', 'endLine', 'endColumn', 'text']);
    expect(finding.fix.edits[0].text).toBe('["nginx", "-g", "daemon-off"]');
    // The contract's runtime keys first; run and runWithArgs are additions, appended.
    expect(Object.keys(file.runtime[0])).toEqual([
      'stage',
      'line',
      'entrypoint',
      'cmd',
      'shellForm',
      'inheritedFrom',
      'run',
      'runWithArgs',
    ]);
  });

  it('describes each stage: names or indexes, FROM line, argv, shell form, inheritance', async () => {
    const cwd = project({ Dockerfile: MULTI_STAGE });
    const report = JSON.parse((await runCli(cwd, ['--format', 'json', 'Dockerfile'])).stdout);
    expect(report.files[0].runtime).toEqual([
      {
        stage: 'base',
        line: 1,
        entrypoint: ['python'],
        cmd: null,
        shellForm: false,
        inheritedFrom: null,
        run: ['python'],
        runWithArgs: ['python', 'ARGS'],
      },
      {
        stage: 'final',
        line: 3,
        entrypoint: ['python'],
        cmd: ['app.py'],
        shellForm: false,
        inheritedFrom: 'base',
        run: ['python', 'app.py'],
        runWithArgs: ['python', 'ARGS'],
      },
      {
        stage: '2',
        line: 5,
        entrypoint: ['/bin/sh', '-c', 'exec top -b'],
        cmd: null,
        shellForm: true,
        inheritedFrom: null,
        run: ['/bin/sh', '-c', 'exec top -b'],
        runWithArgs: ['/bin/sh', '-c', 'exec top -b'],
      },
    ]);
  });

  it('has no runtime for a file that was not parsed, and an empty findings list for a clean one', async () => {
    const cwd = project({
      'big/Dockerfile': `FROM alpine\n${'# padding\n'.repeat(20)}`,
      'ok/Dockerfile': CLEAN,
      '.dockerfile-review.yml': 'max-file-size: 100\n',
    });
    const report = JSON.parse((await runCli(cwd, ['--format', 'json'])).stdout);
    const [big, ok] = report.files;
    expect(Object.keys(big)).toEqual(['path', 'findings']);
    expect(big.findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(['file-too-large']);
    expect(ok.findings).toEqual([]);
    expect(ok.runtime).toHaveLength(1);
  });
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with every rule, a result per finding and its fix', async () => {
    const cwd = project({ 'app/Dockerfile': SHELL_FORM_CMD, 'my app/Dockerfile': CLEAN });
    const run = await runCli(cwd, ['--format', 'sarif']);
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log)).toEqual([]);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(
      allRules.map((rule) => rule.id),
    );
    const result = sarifRun.results.find((candidate: { ruleId: string }) => candidate.ruleId === 'exec-form');
    expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe('exec-form');
    expect(result.level).toBe('warning');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('app/Dockerfile');
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe(
      '["nginx", "-g", "daemon-off"]',
    );
  });

  it('reports unreadable paths as tool notifications and still validates', async () => {
    const cwd = project({ Dockerfile: CLEAN });
    const run = await runCli(cwd, ['--format', 'sarif', 'Dockerfile', 'missing']);
    expect(run.code).toBe(2);
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [
        { level: 'error', message: { text: 'missing: no such file or directory' } },
      ],
    });
  });
});

describe('--format markdown', () => {
  it('has counts, a findings table and what `docker run` runs', async () => {
    const cwd = project({ Dockerfile: SHELL_FORM_CMD });
    const run = await runCli(cwd, ['--format', 'markdown']);
    expect(run.stdout).toContain('**1 finding** (1 warning) in 1 file.');
    expect(run.stdout).toContain('| Line | Severity | Rule | Message |');
    expect(run.stdout).toMatch(
      /\| 2 \| ⚠️ warning \| \[`exec-form`\]\(<https:\/\/[^>]+\/exec-form\.md>\) \| CMD uses/,
    );
    expect(run.stdout).toContain(
      '**What `docker run IMAGE` runs** (final stage `0`): `["/bin/sh", "-c", "nginx -g daemon-off"]`',
    );
    expect(run.stdout).toContain('If the base image `nginx:1.27` sets an ENTRYPOINT, it runs first');
  });
});
