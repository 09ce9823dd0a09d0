/**
 * Runs the bundled action (`dist/index.js`) as the Actions runner does, against the GitHub API stand-in, for the
 * benchmark: the same environment as the end-to-end harness (`__tests__/e2e/harness.ts`, which is not compiled
 * to lib/), plus two measurements the tests do not need:
 * - the moment of the first API request, seen by a pass-through proxy in front of the stand-in;
 * - the child's peak RSS, written at exit by a preloaded module (Node reports no child rusage).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { StandIn } from '../__tests__/support/github-standin/index.js';

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to the first request reaching the proxy; null when the run made none. */
  readonly firstRequestMs: number | null;
  readonly totalMs: number;
  /** Peak resident set size of the action's process, in bytes. */
  readonly maxRssBytes: number | null;
}

/** A module preloaded with `--import`: writes the process's peak RSS (KiB on Linux) to BENCH_RSS_FILE at exit. */
const RSS_PROBE = `import { writeFileSync } from 'node:fs';
process.on('exit', () => { try { writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });
`;

export interface RunSpec {
  readonly root: string;
  readonly standIn: StandIn;
  /** `owner/repo` and number of the stand-in's pull request. */
  readonly repository: string;
  readonly number: number;
  readonly workspace?: Record<string, string>;
  readonly inputs?: Record<string, string>;
}

/** One run of `node dist/index.js` on a `pull_request` event for the stand-in's pull request. */
export async function runBundledAction(spec: RunSpec): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dockerfile-review-bench-'));
  try {
    const workspace = join(dir, 'workspace');
    const runnerTemp = join(dir, 'runner-temp');
    mkdirSync(workspace);
    mkdirSync(runnerTemp);
    for (const [path, content] of Object.entries(spec.workspace ?? {})) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), content);
    }
    const eventPath = join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(spec.standIn.eventPayload('synchronize')));
    const outputPath = join(dir, 'github-output');
    const summaryPath = join(dir, 'step-summary.md');
    const rssPath = join(dir, 'rss');
    const probePath = join(dir, 'rss-probe.mjs');
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    writeFileSync(probePath, RSS_PROBE);

    const proxy = await startProxy(spec.standIn.url);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: spec.repository,
      GITHUB_REPOSITORY_OWNER: spec.repository.split('/')[0],
      GITHUB_SHA: 'feedc0de'.repeat(5),
      GITHUB_REF: `refs/pull/${spec.number}/merge`,
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
      GITHUB_API_URL: proxy.url,
      GITHUB_GRAPHQL_URL: `${proxy.url}/graphql`,
      BENCH_RSS_FILE: rssPath,
    };
    for (const [name, value] of Object.entries(actionInputs(spec.root, spec.standIn.token, spec.inputs)))
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

    const started = performance.now();
    const child = spawn(process.execPath, ['--import', probePath, join(spec.root, 'dist', 'index.js')], {
      cwd: workspace,
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
    const code = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode ?? -1));
    });
    const totalMs = performance.now() - started;
    await proxy.close();
    let maxRssBytes: number | null = null;
    try {
      maxRssBytes = Number(readFileSync(rssPath, 'utf8')) * 1024;
    } catch {
      maxRssBytes = null;
    }
    return {
      code,
      stdout,
      stderr,
      firstRequestMs: proxy.firstAt === null ? null : proxy.firstAt - started,
      totalMs,
      maxRssBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: the Actions expression action.yml holds, not a template.
const TOKEN_EXPRESSION = '${{ github.token }}';

/** Every input of action.yml, with its default unless given, as the runner sets them. */
function actionInputs(
  root: string,
  token: string,
  given: Record<string, string> = {},
): Record<string, string> {
  const spec = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(spec.inputs))
    values[name] = given[name] ?? (input.default ?? '').replace(TOKEN_EXPRESSION, token);
  return values;
}

interface Proxy {
  readonly url: string;
  readonly firstAt: number | null;
  close(): Promise<void>;
}

/** Forwards every request to the stand-in unchanged and remembers when the first one arrived. */
async function startProxy(target: string): Promise<Proxy> {
  const upstream = new URL(target);
  const state: { firstAt: number | null } = { firstAt: null };
  const server: Server = createServer((incoming, outgoing) => {
    state.firstAt ??= performance.now();
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get firstAt() {
      return state.firstAt;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
