/**
 * Runs the BUNDLED action (`dist/index.js`) the way the Actions runner does: a child `node` process with an
 * event payload file, the `GITHUB_*` variables, one `INPUT_*` variable per input of action.yml (the runner
 * sets every input, with action.yml's defaults for those the workflow leaves out), and the
 * `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files.
 *
 * It runs the committed bundle, not the sources: after changing anything under src/, run `npm run build`
 * before these tests (CI checks that dist/ is fresh).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { StandIn } from '../support/github-standin/index.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST_ENTRY = join(REPO_ROOT, 'dist', 'index.js');

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Parsed from the GITHUB_OUTPUT file. */
  readonly outputs: Record<string, string>;
  /** The GITHUB_STEP_SUMMARY file. */
  readonly jobSummary: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly ms: number;
}

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

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}

const actionInputs = (parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml).inputs;

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
/** The Actions expression action.yml uses as github-token's default (not a JS template). */
const GITHUB_TOKEN_EXPRESSION = ['$', '{{ github.token }}'].join('');

export const MERGE_SHA = 'feedc0de'.repeat(5);

export function assertBundleExists(): void {
  if (!existsSync(DIST_ENTRY)) throw new Error(`${DIST_ENTRY} is missing: run \`npm run build\` first`);
}

export async function runAction(standIn: StandIn | null, options: RunOptions = {}): Promise<ActionRun> {
  assertBundleExists();
  const event = options.event ?? 'pull_request';
  const root = tempDir('dockerfile-review-e2e-');
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'runner-temp');
  mkdirSync(workspace);
  mkdirSync(runnerTemp);
  writeTree(workspace, options.workspace ?? {});
  const eventPath = join(root, 'event.json');
  const payload =
    options.payload ??
    (standIn && event.startsWith('pull_request')
      ? standIn.eventPayload('synchronize')
      : { ref: 'refs/heads/main' });
  writeFileSync(eventPath, JSON.stringify(payload));
  const outputPath = join(root, 'github-output');
  const summaryPath = join(root, 'step-summary.md');
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');

  const token = options.token ?? standIn?.token ?? '';
  // Built from scratch, not inherited: a developer's or CI's own GITHUB_* variables must not leak in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? root,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository ?? 'acme/shop',
    GITHUB_REPOSITORY_OWNER: (options.repository ?? 'acme/shop').split('/')[0],
    GITHUB_SHA: options.sha ?? MERGE_SHA,
    GITHUB_REF: event.startsWith('pull_request') ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_WORKSPACE: workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_JOB: 'review',
    GITHUB_ACTION: 'dockerfile-review',
    GITHUB_WORKFLOW: 'dockerfile-review',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    ...(standIn ? { GITHUB_API_URL: standIn.url, GITHUB_GRAPHQL_URL: standIn.graphqlUrl } : {}),
  };
  for (const [name, spec] of Object.entries(actionInputs)) {
    const given = options.inputs?.[name];
    // The runner evaluates the default's expression; only `github.token` appears in action.yml.
    const value = given ?? (spec.default ?? '').replace(GITHUB_TOKEN_EXPRESSION, token);
    // The runner's naming: upper case, spaces to underscores, hyphens kept (`INPUT_GITHUB-TOKEN`).
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, options.env);
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in actionInputs)) throw new Error(`action.yml has no input ${name}`);
  }

  const started = Date.now();
  // The runner starts the action in GITHUB_WORKSPACE, the given one when a test overrides it.
  const cwd = env.GITHUB_WORKSPACE ?? workspace;
  const child = spawn(process.execPath, [DIST_ENTRY], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number>((resolveCode, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolveCode(exitCode ?? -1));
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    jobSummary: readFileSync(summaryPath, 'utf8'),
    workspace: cwd,
    runnerTemp,
    ms: Date.now() - started,
  };
}

/** `@actions/core` writes `name<<ghadelimiter_UUID\nvalue\nghadelimiter_UUID\n` per output. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      outputs[name] = value.join('\n');
      continue;
    }
    const simple = /^([^=]+)=(.*)$/.exec(lines[i]);
    if (simple) outputs[simple[1]] = simple[2];
  }
  return outputs;
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
