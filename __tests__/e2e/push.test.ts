/**
 * `push` (and `workflow_dispatch`, `schedule`): every Dockerfile in the checked-out workspace, reported with a
 * check run on GITHUB_SHA, the job summary, SARIF and outputs; exit status from `fail-on`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startStandIn } from '../support/github-standin/index.js';
import { API_HEAD, expectNoToken, reviewFixture, TOKEN, WEB_HEAD } from './fixtures.js';
import { cleanUp, runAction, workflowAnnotations } from './harness.js';

afterAll(cleanUp);

const WORKSPACE = {
  Dockerfile: 'FROM python:3.12-slim\nCMD python -m http.server\n',
  'services/web/Dockerfile': WEB_HEAD,
  'services/api/Dockerfile': API_HEAD,
  // Hidden folders count (hadolint-action#92), dependencies do not.
  '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/base:bookworm\nCMD sleep infinity\n',
  'node_modules/some-package/Dockerfile': 'FROM alpine\nCMD echo not-ours\n',
  'docs/README.md': '# docs\n',
};
const LINTED = [
  '.devcontainer/Dockerfile',
  'Dockerfile',
  'services/api/Dockerfile',
  'services/web/Dockerfile',
];
/** Makes exec-form an error, so the exit status can be checked for each fail-on. */
const STRICT_CONFIG = 'rules:\n  exec-form: error\n';

describe.concurrent('push', () => {
  test('lints every Dockerfile in the workspace and reports with a check run, the job summary and SARIF', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    try {
      const run = await runAction(standIn, {
        event: 'push',
        sha: standIn.headSha,
        workspace: WORKSPACE,
        inputs: { 'sarif-file': 'reports/dockerfile-review.sarif' },
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const total = Number(run.outputs.total);
      expect(total).toBeGreaterThanOrEqual(4);
      // No pull request: no review, no comment, no PR reads; one check run on the pushed commit.
      expect(standIn.state.requests.map((request) => request.operationId)).toEqual(['checks/create']);
      expect(standIn.state.checkRuns[0]).toMatchObject({
        head_sha: standIn.headSha,
        conclusion: 'neutral',
      });
      const annotated = new Set(standIn.state.checkRuns[0].annotations.map((annotation) => annotation.path));
      expect([...annotated].sort()).toEqual(LINTED);
      expect(standIn.state.checkRuns[0].annotations).toHaveLength(total);
      // The check run holds the annotations: none are repeated as workflow commands.
      expect(workflowAnnotations(run.stdout)).toEqual([]);
      for (const path of LINTED) expect(run.jobSummary).toContain(`### \`${path}\``);
      expect(run.jobSummary).not.toContain('node_modules');

      expect(run.outputs['sarif-file']).toBe('reports/dockerfile-review.sarif');
      const sarifText = readFileSync(join(run.workspace, 'reports/dockerfile-review.sarif'), 'utf8');
      const sarif = JSON.parse(sarifText) as { version: string; runs: { results: unknown[] }[] };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0].results).toHaveLength(total);
      expectNoToken(run, standIn, [sarifText, readFileSync(run.outputs['json-file'], 'utf8')]);
    } finally {
      await standIn.close();
    }
  });

  for (const [failOn, code, conclusion] of [
    ['error', 1, 'failure'],
    ['warning', 1, 'failure'],
    ['never', 0, 'neutral'],
  ] as const) {
    test(`fail-on ${failOn} with an error finding: exit ${code}, check run ${conclusion}`, async () => {
      const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
      try {
        const run = await runAction(standIn, {
          event: 'push',
          sha: standIn.headSha,
          workspace: { ...WORKSPACE, '.dockerfile-review.yml': STRICT_CONFIG },
          inputs: { 'fail-on': failOn },
        });
        expect(run.code, run.stdout).toBe(code);
        expect(Number(run.outputs.errors)).toBeGreaterThanOrEqual(4);
        expect(run.outputs.conclusion).toBe(code === 1 ? 'failure' : 'success');
        expect(standIn.state.checkRuns[0]?.conclusion).toBe(conclusion);
        expect(standIn.state.checkRuns[0]?.annotations.some((a) => a.annotation_level === 'failure')).toBe(
          true,
        );
      } finally {
        await standIn.close();
      }
    });
  }

  test('without checks: write, the findings become workflow annotations', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN, readOnlyToken: true });
    try {
      const run = await runAction(standIn, { event: 'push', sha: standIn.headSha, workspace: WORKSPACE });
      expect(run.code).toBe(0);
      expect(standIn.state.checkRuns).toHaveLength(0);
      const annotations = workflowAnnotations(run.stdout).filter((annotation) => annotation.properties.file);
      expect(annotations.length).toBe(Number(run.outputs.total));
      expect(annotations.find((annotation) => annotation.properties.file === 'Dockerfile')).toMatchObject({
        level: 'warning',
        properties: { line: '2', title: 'exec-form (dockerfile-review)' },
      });
      expect(run.jobSummary).toContain('The check run could not be written');
    } finally {
      await standIn.close();
    }
  });

  test('no token and no API at all (workflow_dispatch on a fork): job summary, annotations and outputs still work', async () => {
    const run = await runAction(null, {
      event: 'workflow_dispatch',
      workspace: WORKSPACE,
      inputs: { 'github-token': '', 'check-name': '' },
    });
    expect(run.code).toBe(0);
    expect(workflowAnnotations(run.stdout).length).toBeGreaterThanOrEqual(4);
    expect(run.jobSummary).toContain('### `Dockerfile`');
    expect(Number(run.outputs.total)).toBeGreaterThanOrEqual(4);
  });
});
