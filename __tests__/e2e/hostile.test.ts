/**
 * Hostile input and a hostile network through the bundled action (`dist/index.js`, run by the e2e harness):
 * - files: binary data named Dockerfile, a 50 MB file, symbolic links (inside, outside the workspace,
 *   dangling), a path with spaces, quotes and Unicode, an empty file, an unterminated heredoc. Each gets a
 *   finding or a "Skipped" line in the summary, and the run completes;
 * - the token: never in logs, outputs, the job summary, SARIF, JSON or anything posted, even when GitHub
 *   answers errors that echo it, or the connection drops mid-request.
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type StandIn, startStandIn } from '../support/github-standin/index.js';
import { expectNoToken, reviewFixture, TOKEN } from './fixtures.js';
import { type ActionRun, cleanUp, runAction } from './harness.js';

const dirs: string[] = [];
afterAll(() => {
  cleanUp();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ODD = `dir with space/it's "quoted" – ünï`;
const SECRET_TEXT = 'FROM host-secret-content-7f3a';
const BIG_LINE = 'RUN echo 0123456789012345678901234567890123456789012345678901234567890123456789\n';

/** A checkout the harness cannot write (binary bytes, links): made here, handed over as GITHUB_WORKSPACE. */
function hostileWorkspace(): { workspace: string; outside: string } {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'dockerfile-review-hostile-')));
  dirs.push(root);
  const workspace = join(root, 'workspace');
  const outside = join(root, 'outside');
  const files: Record<string, string | Buffer> = {
    'binary/Dockerfile': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    'huge/Dockerfile': `FROM alpine\n${BIG_LINE.repeat(Math.ceil((50 * 1024 * 1024) / BIG_LINE.length))}`,
    'empty/Dockerfile': '',
    'heredoc/Dockerfile': 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n',
    [`${ODD}/Dockerfile`]: 'FROM alpine:3.20\nCMD run it\n',
    'real/Dockerfile': 'FROM alpine:3.20\nCMD ["true"]\n',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret'), `${SECRET_TEXT}\nCMD cat /etc/shadow\n`);
  mkdirSync(join(workspace, 'links'));
  symlinkSync(join(workspace, 'real', 'Dockerfile'), join(workspace, 'links', 'Dockerfile.inside'));
  symlinkSync(join(outside, 'secret'), join(workspace, 'links', 'Dockerfile.outside'));
  symlinkSync(join(root, 'nowhere'), join(workspace, 'links', 'Dockerfile.dangling'));
  return { workspace, outside };
}

/** The summary section of one file: from its heading to the next. */
function section(summary: string, path: string): string {
  return summary.split(`### \`${path}\``)[1]?.split('\n### ')[0] ?? '';
}

/** One push run over the hostile workspace, shared by the tests that read its reports. */
let pushRun: Promise<{ run: ActionRun; workspace: string; checkRuns: string }> | null = null;
function pushOnHostileWorkspace() {
  pushRun ??= (async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    const { workspace } = hostileWorkspace();
    try {
      const run = await runAction(standIn, {
        event: 'push',
        sha: standIn.headSha,
        env: { GITHUB_WORKSPACE: workspace },
        inputs: { 'sarif-file': 'hostile.sarif' },
      });
      return { run, workspace, checkRuns: JSON.stringify(standIn.state.checkRuns) };
    } finally {
      await standIn.close();
    }
  })();
  return pushRun;
}

describe.concurrent('hostile files through the action', () => {
  test('push: every hostile file gets a finding or a skip line, and the run completes', async () => {
    const { run } = await pushOnHostileWorkspace();
    const log = run.stdout + run.stderr;
    expect(run.code, log).toBe(1); // error findings (syntax), not a crash
    expect(log).not.toMatch(/dockerfile-review failed|internal-error|Unhandled|at .*dist\/index\.js/);
    const summary = run.jobSummary;
    expect(section(summary, 'binary/Dockerfile')).toMatch(/binary data/);
    expect(section(summary, 'huge/Dockerfile')).toMatch(/over the 1,048,576-byte limit/);
    expect(section(summary, 'empty/Dockerfile')).toMatch(/empty Dockerfile|no instructions/);
    expect(section(summary, 'heredoc/Dockerfile')).toMatch(/never closed/);
    expect(section(summary, `${ODD}/Dockerfile`)).toMatch(/exec-form/);
    expect(section(summary, 'links/Dockerfile.inside')).toMatch(/No findings/);
  });

  // A link out of the checkout must not quote the host file's text in the job summary, SARIF or check run.
  test('push: a link out of the checkout does not bring host files into the reports', async () => {
    const { run, workspace, checkRuns } = await pushOnHostileWorkspace();
    expect(run.jobSummary).not.toContain('host-secret-content');
    expect(section(run.jobSummary, 'links/Dockerfile.outside')).toMatch(/outside the workspace/);
    expect(readFileSync(join(workspace, 'hostile.sarif'), 'utf8')).not.toContain('host-secret-content');
    expect(checkRuns).not.toContain('host-secret-content');
  });

  test('pull request: hostile changed files get findings or skip lines in the sticky summary', async () => {
    const big = `FROM alpine\n${BIG_LINE.repeat(Math.ceil((2 * 1024 * 1024) / BIG_LINE.length))}`;
    const head = {
      'binary/Dockerfile': `FROM a\u0000\u0001\u0002\uFFFD`,
      'big/Dockerfile': big,
      'empty/Dockerfile': '',
      'heredoc/Dockerfile': 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n',
      [`${ODD}/Dockerfile`]: 'FROM alpine:3.20\nCMD run it\n',
    };
    const standIn = await startStandIn(
      {
        owner: 'acme',
        repo: 'shop',
        number: 7,
        base: { 'README.md': 'x\n' },
        head: { ...head, 'README.md': 'y\n' },
      },
      { token: TOKEN },
    );
    try {
      const run = await runAction(standIn, {});
      const log = run.stdout + run.stderr;
      expect(run.code, log).toBe(1);
      expect(log).not.toMatch(/dockerfile-review failed|internal-error|Unhandled/);
      const summary = standIn.state.issueComments.at(-1)?.body ?? '';
      expect(section(summary, 'binary/Dockerfile')).toMatch(/binary data/);
      // Over 1 MB the contents API refuses the blob: a clear skip line (the workspace copy, when the checkout
      // has the same blob, gets the `file-too-large` finding instead, as in the push test).
      expect(section(summary, 'big/Dockerfile')).toMatch(
        /Skipped: could not read big\/Dockerfile.*blob is too large/,
      );
      expect(section(summary, 'empty/Dockerfile')).toMatch(/empty Dockerfile|no instructions/);
      expect(section(summary, 'heredoc/Dockerfile')).toMatch(/never closed/);
      expect(section(summary, `${ODD}/Dockerfile`)).toMatch(/exec-form/);
      // The odd path reached GitHub intact in the review comment.
      expect(standIn.state.reviewComments.map((comment) => comment.path)).toContain(`${ODD}/Dockerfile`);
    } finally {
      await standIn.close();
    }
  });
});

type Sabotage = (request: { method: string; url: string; authorization: string }) => 'echo' | 'drop' | 'pass';

/**
 * A proxy in front of the stand-in that, when `sabotage` says so, answers 500 with the request's own
 * Authorization header echoed in the body and a header (as a misconfigured server or proxy might), or
 * destroys the connection mid-request.
 */
async function sabotagingProxy(
  standIn: StandIn,
  sabotage: Sabotage,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const authorization = req.headers.authorization ?? '';
    const verdict = sabotage({ method: req.method ?? 'GET', url: req.url ?? '/', authorization });
    if (verdict === 'drop') {
      req.socket.destroy();
      return;
    }
    if (verdict === 'echo') {
      req.resume();
      res.writeHead(500, { 'content-type': 'application/json', 'x-debug-authorization': authorization });
      res.end(
        JSON.stringify({
          message: `Server Error while handling ${req.method} ${req.url} for ${authorization}`,
          errors: [{ message: `credential ${authorization.replace(/^\S+\s+/, '')} rejected` }],
          documentation_url: 'https://docs.github.com/rest',
        }),
      );
      return;
    }
    const upstream = httpRequest(
      `${standIn.url}${req.url ?? '/'}`,
      { method: req.method, headers: { ...req.headers, host: new URL(standIn.url).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.concurrent('the token stays secret when requests fail', () => {
  // [name, sabotage, the failure must show in the log or summary (false: a retry recovers)]
  const cases: [string, Sabotage, boolean][] = [
    ['every write answers 500 echoing the token', ({ method }) => (method === 'GET' ? 'pass' : 'echo'), true],
    [
      'reading a file answers 500 echoing the token',
      ({ url }) => (/\/contents\//.test(url) ? 'echo' : 'pass'),
      true,
    ],
    ['the first request answers 500 echoing the token, then recovers', firstOnly(), false],
    ['the connection drops on every write', ({ method }) => (method === 'GET' ? 'pass' : 'drop'), true],
    [
      'the connection drops on the file list',
      ({ url }) => (/\/pulls\/7\/files/.test(url) ? 'drop' : 'pass'),
      true,
    ],
  ];
  for (const [name, sabotage, reported] of cases) {
    test(name, async () => {
      const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
      const proxy = await sabotagingProxy(standIn, sabotage);
      try {
        const run = await runAction(standIn, {
          env: { GITHUB_API_URL: proxy.url, GITHUB_GRAPHQL_URL: `${proxy.url}/graphql` },
          inputs: { 'sarif-file': 'out.sarif', 'json-file': 'out.json' },
        });
        const files = ['out.sarif', 'out.json'].flatMap((file) => {
          try {
            return [readFileSync(join(run.workspace, file), 'utf8')];
          } catch {
            return [];
          }
        });
        expectNoToken(run, standIn, files);
        if (reported)
          expect(run.stdout + run.stderr + run.jobSummary).toMatch(
            /500|Server Error|socket|ECONNRESET|other side closed|fetch failed|could not/i,
          );
      } finally {
        proxy.server.closeAllConnections();
        await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
        await standIn.close();
      }
    });
  }
});

function firstOnly(): Sabotage {
  let first = true;
  return () => {
    const verdict = first ? 'echo' : 'pass';
    first = false;
    return verdict;
  };
}
