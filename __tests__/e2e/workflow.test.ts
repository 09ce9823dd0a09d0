/**
 * The example workflow and the README's workflow snippets use only inputs action.yml declares, and the
 * example workflow's `files` globs select the repository's own sample Dockerfiles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findDockerfiles } from '../../src/discover.js';
import { REPO_ROOT } from './harness.js';

interface Step {
  uses?: string;
  with?: Record<string, string>;
}

const inputs = Object.keys(
  (parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> })
    .inputs,
);

function actionSteps(workflow: unknown): Step[] {
  const jobs = (workflow as { jobs?: Record<string, { steps?: Step[] }> }).jobs ?? {};
  return Object.values(jobs)
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses === './' || step.uses?.startsWith('dockerfile-review/dockerfile-review@'));
}

test('the example workflow runs the action with declared inputs on the sample Dockerfiles', () => {
  const dir = join(REPO_ROOT, '.github', 'workflows');
  const steps = readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .flatMap((name) => actionSteps(parseYaml(readFileSync(join(dir, name), 'utf8'))));
  expect(steps.length).toBeGreaterThan(0);
  for (const step of steps) {
    for (const key of Object.keys(step.with ?? {})) expect(inputs, `input ${key}`).toContain(key);
    const globs = (step.with?.files ?? '').split('\n').filter(Boolean);
    if (globs.length > 0) expect(findDockerfiles(REPO_ROOT, globs).length).toBeGreaterThanOrEqual(5);
  }
});

test("the README's workflow snippets use only inputs action.yml declares", () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const snippets = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((match) => match[1]);
  const used = new Set<string>();
  for (const snippet of snippets) {
    // Snippets may be fragments (a job's steps only): read every `with:` under a `uses:` of this action.
    const blocks = snippet.split(/\n(?=\s*- uses: )/);
    for (const block of blocks) {
      if (!/uses: dockerfile-review\/dockerfile-review@/.test(block)) continue;
      const withBlock = /\n(\s*)with:\n((?:\1\s+.*\n?)*)/.exec(block);
      for (const line of (withBlock?.[2] ?? '').split('\n')) {
        const key = /^\s*([\w-]+):/.exec(line)?.[1];
        if (key) used.add(key);
      }
    }
  }
  expect(used.size).toBeGreaterThan(0);
  for (const key of used) expect(inputs, `README uses input ${key}`).toContain(key);
});
