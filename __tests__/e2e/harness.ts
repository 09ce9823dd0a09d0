/**
 * The end-to-end tests' side of running the BUNDLED action (`dist/index.js`) as the Actions runner does
 * (`scripts/actions-runner.ts` starts it): temporary folders, the stand-in's event payload and URLs, and readers
 * for what the run left behind.
 *
 * It runs the committed bundle, not the sources: after changing anything under src/, run `npm run build`
 * before these tests (CI checks that dist/ is fresh).
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunnerResult, runLikeTheRunner } from '../../scripts/actions-runner.js';
import type { StandIn } from '../support/github-standin/index.js';

export { parseOutputFile } from '../../scripts/actions-runner.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ActionRun = RunnerResult;

export interface RunOptions {
  /** Default `pull_request`. */
  readonly event?: string;
  /** The event payload; default `standIn.eventPayload('synchronize')` for pull request events. */
  readonly payload?: Record<string, unknown>;
  /** Inputs as a workflow's `with:` would give them; the rest take action.yml's defaults. */
  readonly inputs?: Record<string, string>;
  /** The token `${{ github.token }}` stands for (default: the stand-in's read/write token). */
  readonly token?: string;
  /** Files in GITHUB_WORKSPACE (relative path -> content). */
  readonly workspace?: Record<string, string>;
  /** GITHUB_SHA; default a merge-commit-like SHA that is NOT the PR head. */
  readonly sha?: string;
  readonly repository?: string;
  /** Variables set last, over everything above (e.g. GITHUB_API_URL pointing at a proxy). */
  readonly env?: Record<string, string>;
}

/** Where each run's temporary folders live; removed by `cleanUp`. */
const made: string[] = [];

export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** A fixed 40-hex SHA for `GITHUB_SHA`: the test merge commit GitHub makes for `pull_request`, never the head. */
export const MERGE_SHA = 'feedc0de'.repeat(5);

export async function runAction(standIn: StandIn | null, options: RunOptions = {}): Promise<ActionRun> {
  const event = options.event ?? 'pull_request';
  const dir = tempDir('dockerfile-review-e2e-');
  writeTree(join(dir, 'workspace'), options.workspace ?? {});
  const payload =
    options.payload ??
    (standIn && event.startsWith('pull_request')
      ? standIn.eventPayload('synchronize')
      : { ref: 'refs/heads/main' });
  return runLikeTheRunner({
    root: REPO_ROOT,
    dir,
    event,
    payload,
    repository: options.repository ?? 'acme/shop',
    sha: options.sha ?? MERGE_SHA,
    ref: event.startsWith('pull_request') ? 'refs/pull/7/merge' : 'refs/heads/main',
    token: options.token ?? standIn?.token ?? '',
    apiUrl: standIn?.url,
    graphqlUrl: standIn?.graphqlUrl,
    inputs: options.inputs,
    env: options.env,
  });
}

/** Workflow-command annotations from stdout: `::warning file=a,line=3::message`. */
export interface WorkflowAnnotation {
  readonly level: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

export function workflowAnnotations(stdout: string): WorkflowAnnotation[] {
  const found: WorkflowAnnotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    found.push({ level: match[1], properties, message: unescapeData(match[3]) });
  }
  return found;
}

function unescapeData(text: string): string {
  return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replaceAll('%3A', ':').replaceAll('%2C', ',');
}

/** Requests that changed something (everything but reads), as `METHOD path` lines: easy to read in a failure. */
export function writes(standIn: StandIn): string[] {
  return standIn.state.requests
    .filter((request) => request.method !== 'GET' && request.path !== '/graphql')
    .map((request) => `${request.method} ${request.path} ${request.status}`);
}
