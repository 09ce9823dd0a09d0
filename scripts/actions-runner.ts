/**
 * Starts the BUNDLED action (`dist/index.js`) the way the Actions runner does, for the end-to-end tests, the demo
 * and the benchmark alike: a child `node` process in GITHUB_WORKSPACE with an event payload file, the `GITHUB_*`
 * variables, one `INPUT_*` variable per input of action.yml (the runner sets every input, with action.yml's
 * defaults for those the workflow leaves out), and the `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface RunnerSpec {
  /** The repository root: `dist/index.js` and `action.yml` are read from there. */
  readonly root: string;
  /** A folder this run owns: workspace, runner temp and the runner's files are made in it. */
  readonly dir: string;
  readonly event: string;
  readonly payload: unknown;
  /** `owner/repo`. */
  readonly repository: string;
  /** GITHUB_SHA (for pull requests, the test merge commit, never the head). */
  readonly sha: string;
  readonly ref: string;
  /** The value `${{ github.token }}` stands for in action.yml's defaults. */
  readonly token: string;
  readonly apiUrl?: string;
  readonly graphqlUrl?: string;
  /** Inputs as a workflow's `with:` gives them; the rest take action.yml's defaults. */
  readonly inputs?: Record<string, string>;
  /** Variables set last, over everything above. GITHUB_WORKSPACE here moves the run (and its cwd) there. */
  readonly env?: Record<string, string>;
  /** Options for `node` before the entry (the benchmark preloads a probe). */
  readonly nodeArgs?: readonly string[];
}

export interface RunnerResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Parsed from the GITHUB_OUTPUT file. */
  readonly outputs: Record<string, string>;
  /** The GITHUB_STEP_SUMMARY file. */
  readonly jobSummary: string;
  /** GITHUB_WORKSPACE, the process's working directory. */
  readonly workspace: string;
  readonly runnerTemp: string;
  /** `performance.now()` when the process was spawned, and how long it ran. */
  readonly startedAt: number;
  readonly ms: number;
}

/** The Actions expression action.yml uses as github-token's default (not a JS template). */
const GITHUB_TOKEN_EXPRESSION = ['$', '{{ github.token }}'].join('');

/** The names of action.yml's inputs with their defaults. */
export function actionInputNames(root: string): Record<string, { default?: string }> {
  const action = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return action.inputs;
}

export async function runLikeTheRunner(spec: RunnerSpec): Promise<RunnerResult> {
  const entry = join(spec.root, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const inputs = actionInputNames(spec.root);
  for (const name of Object.keys(spec.inputs ?? {})) {
    if (!(name in inputs)) throw new Error(`action.yml has no input ${name}`);
  }
  const runnerTemp = join(spec.dir, 'runner-temp');
  const files = {
    event: join(spec.dir, 'event.json'),
    output: join(spec.dir, 'github-output'),
    summary: join(spec.dir, 'step-summary.md'),
  };
  mkdirSync(join(spec.dir, 'workspace'), { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  writeFileSync(files.event, JSON.stringify(spec.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');

  // Built from scratch, not inherited: a developer's or CI's own GITHUB_* variables must not leak in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? spec.dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: spec.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: spec.repository,
    GITHUB_REPOSITORY_OWNER: spec.repository.split('/')[0],
    GITHUB_SHA: spec.sha,
    GITHUB_REF: spec.ref,
    GITHUB_WORKSPACE: join(spec.dir, 'workspace'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_JOB: 'review',
    GITHUB_ACTION: 'dockerfile-review',
    GITHUB_WORKFLOW: 'dockerfile-review',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    ...(spec.apiUrl ? { GITHUB_API_URL: spec.apiUrl } : {}),
    ...(spec.graphqlUrl ? { GITHUB_GRAPHQL_URL: spec.graphqlUrl } : {}),
  };
  for (const [name, input] of Object.entries(inputs)) {
    const value = spec.inputs?.[name] ?? (input.default ?? '').replace(GITHUB_TOKEN_EXPRESSION, spec.token);
    // The runner's naming: upper case, spaces to underscores, hyphens kept (`INPUT_GITHUB-TOKEN`).
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, spec.env);

  const startedAt = performance.now();
  const child = spawn(process.execPath, [...(spec.nodeArgs ?? []), entry], {
    cwd: env.GITHUB_WORKSPACE,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number>((resolveCode, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolveCode(exitCode ?? -1));
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    jobSummary: readFileSync(files.summary, 'utf8'),
    workspace: env.GITHUB_WORKSPACE,
    runnerTemp,
    startedAt,
    ms: performance.now() - startedAt,
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
