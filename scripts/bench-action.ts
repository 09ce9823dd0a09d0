/**
 * Runs the bundled action (`dist/index.js`) as the Actions runner does (`scripts/actions-runner.ts`, shared with
 * the end-to-end tests and the demo), against the GitHub API stand-in, with two measurements the tests do not
 * need:
 * - the moment of the first API request, seen by a pass-through proxy in front of the stand-in;
 * - the child's peak RSS, written at exit by a preloaded module (Node reports no child rusage).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { StandIn } from '../__tests__/support/github-standin/index.js';
import { runLikeTheRunner } from './actions-runner.js';

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
  const proxy = await startProxy(spec.standIn.url);
  try {
    const probePath = join(dir, 'rss-probe.mjs');
    const rssPath = join(dir, 'rss');
    writeFileSync(probePath, RSS_PROBE);
    for (const [path, content] of Object.entries(spec.workspace ?? {})) {
      mkdirSync(dirname(join(dir, 'workspace', path)), { recursive: true });
      writeFileSync(join(dir, 'workspace', path), content);
    }
    const run = await runLikeTheRunner({
      root: spec.root,
      dir,
      event: 'pull_request',
      payload: spec.standIn.eventPayload('synchronize'),
      repository: spec.repository,
      sha: 'feedc0de'.repeat(5),
      ref: `refs/pull/${spec.number}/merge`,
      token: spec.standIn.token,
      apiUrl: proxy.url,
      graphqlUrl: `${proxy.url}/graphql`,
      inputs: spec.inputs,
      env: { BENCH_RSS_FILE: rssPath },
      nodeArgs: ['--import', probePath],
    });
    let maxRssBytes: number | null = null;
    try {
      maxRssBytes = Number(readFileSync(rssPath, 'utf8')) * 1024;
    } catch {
      maxRssBytes = null;
    }
    return {
      code: run.code,
      stdout: run.stdout,
      stderr: run.stderr,
      firstRequestMs: proxy.firstAt === null ? null : proxy.firstAt - run.startedAt,
      totalMs: run.ms,
      maxRssBytes,
    };
  } finally {
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  }
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
