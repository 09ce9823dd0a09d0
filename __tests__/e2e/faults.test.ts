/**
 * GitHub misbehaving, end to end: secondary rate limits waited out, a 5xx after the review was stored (no
 * duplicate), a review refused with 422 because the diff changed under the action (the bad comment goes to the
 * summary, the rest is posted), a read-only token (fork PRs under `pull_request`), and a head that moved on.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { type StandIn, startStandIn } from '../support/github-standin/index.js';
import { commentAt, expectNoToken, reviewFixture, suggestionOf, TOKEN, WEB_FIXED } from './fixtures.js';
import { cleanUp, runAction, workflowAnnotations, writes } from './harness.js';

afterAll(cleanUp);

const REVIEWS = '/repos/acme/shop/pulls/7/reviews';
const ISSUE_COMMENTS = '/repos/acme/shop/issues/7/comments';

function count(standIn: StandIn, method: string, path: string): number {
  return standIn.state.requests.filter((request) => request.method === method && request.path === path)
    .length;
}

/** Each finding's fingerprint marker appears on at most one comment. */
function expectNoDuplicateComments(standIn: StandIn): void {
  const markers = standIn.state.reviewComments
    .map((comment) => /dockerfile-review:fp=([0-9a-f]+)/.exec(comment.body)?.[1])
    .filter((marker) => marker !== undefined);
  expect(new Set(markers).size).toBe(markers.length);
}

/**
 * A pass-through proxy in front of the stand-in that hands the action a stale diff on its FIRST list of the
 * PR's files: tools/Dockerfile's patch gains a hunk for line 2, as if that line had changed. That is what
 * GitHub does to a bot when the diff changes between listing and posting: the comment the bot aims at line 2
 * is no longer on the diff, and the whole review is refused with 422.
 */
async function staleDiffProxy(standIn: StandIn): Promise<{ url: string; server: Server }> {
  let tampered = false;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const upstream = httpRequest(
        `${standIn.url}${req.url ?? '/'}`,
        { method: req.method, headers: { ...req.headers, host: new URL(standIn.url).host } },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            let text = Buffer.concat(body).toString('utf8');
            if (!tampered && req.method === 'GET' && /\/pulls\/7\/files/.test(req.url ?? '')) {
              tampered = true;
              const files = JSON.parse(text) as { filename: string; patch?: string }[];
              for (const file of files) {
                if (file.filename === 'tools/Dockerfile' && file.patch) {
                  file.patch = `@@ -2,1 +2,1 @@ FROM alpine:3.20 AS tools\n-CMD echo tools-stage\n+CMD echo tools-stage\n${file.patch}`;
                }
              }
              text = JSON.stringify(files);
            }
            const headers = { ...answer.headers };
            delete headers['content-length'];
            delete headers['transfer-encoding'];
            if (typeof headers.link === 'string')
              headers.link = headers.link.replaceAll(standIn.url, proxyUrl);
            res.writeHead(answer.statusCode ?? 500, headers);
            res.end(text);
          });
        },
      );
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: proxyUrl, server };
}

describe.concurrent('faults', () => {
  test('secondary rate limits (403 on the review, 429 on a read, with retry-after) are waited out and everything is posted', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    try {
      standIn.faults.rateLimitNext(1, 1, { method: 'POST', pathPattern: REVIEWS });
      standIn.faults.rateLimitNext(1, 1, { method: 'GET', pathPattern: '/pulls/7/files', status: 429 });
      const run = await runAction(standIn);
      expect(run.code, run.stdout).toBe(0);
      expect(standIn.faults.pending()).toBe(0);
      expect(count(standIn, 'POST', REVIEWS)).toBe(2);
      expect(count(standIn, 'GET', '/repos/acme/shop/pulls/7/files')).toBe(2);
      expect(standIn.state.reviews).toHaveLength(1);
      expect(commentAt(standIn, 'web/Dockerfile', 8, 'exec-form')).toBeDefined();
      expect(standIn.state.issueComments).toHaveLength(1);
      expect(standIn.state.checkRuns).toHaveLength(1);
      expect(run.stdout).toContain('secondary rate limit');
      expectNoToken(run, standIn);
    } finally {
      await standIn.close();
    }
  });

  test('a 5xx after GitHub stored the review or the summary creates no duplicate', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    try {
      standIn.faults.failAfterCommitNext(1, { pathPattern: REVIEWS });
      standIn.faults.failAfterCommitNext(1, { pathPattern: ISSUE_COMMENTS });
      const run = await runAction(standIn);
      expect(run.code, run.stdout).toBe(0);
      expect(standIn.faults.pending()).toBe(0);
      // One POST each: the action re-listed instead of posting again.
      expect(count(standIn, 'POST', REVIEWS)).toBe(1);
      expect(count(standIn, 'POST', ISSUE_COMMENTS)).toBe(1);
      expect(standIn.state.reviews).toHaveLength(1);
      expect(standIn.state.issueComments).toHaveLength(1);
      expectNoDuplicateComments(standIn);
      // The summary knows the comments exist.
      expect(standIn.state.issueComments[0].body).toContain('💬 commented');
      expect(standIn.state.issueComments[0].body).not.toContain('GitHub refused');
    } finally {
      await standIn.close();
    }
  });

  test('a 5xx before anything was stored is posted once more, still without duplicates', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    try {
      standIn.faults.serverErrorNext(1, { method: 'POST', pathPattern: REVIEWS });
      const run = await runAction(standIn);
      expect(run.code).toBe(0);
      expect(count(standIn, 'POST', REVIEWS)).toBe(2);
      expect(standIn.state.reviews).toHaveLength(1);
      expectNoDuplicateComments(standIn);
    } finally {
      await standIn.close();
    }
  });

  test('a review refused with 422 (the diff changed under it) drops the bad comment into the summary and posts the rest', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    const proxy = await staleDiffProxy(standIn);
    try {
      const run = await runAction(standIn, { env: { GITHUB_API_URL: proxy.url } });
      expect(run.code, run.stdout).toBe(0);
      const posts = standIn.state.requests.filter(
        (request) => request.path === REVIEWS && request.method === 'POST',
      );
      expect(posts.map((request) => request.status)).toEqual([422, 200]);
      // The files were listed again to find the culprit: no bisection, still ONE review on the PR.
      expect(
        standIn.state.requests.filter((request) => request.operationId === 'pulls/list-files'),
      ).toHaveLength(2);
      expect(standIn.state.reviews).toHaveLength(1);
      expect(suggestionOf(commentAt(standIn, 'web/Dockerfile', 8, 'exec-form')?.body ?? '')).toBe(
        'CMD ["node", "server.js", "--port", "3000"]',
      );
      expect(standIn.state.reviewComments.some((comment) => comment.path === 'tools/Dockerfile')).toBe(false);
      const summary = standIn.state.issueComments[0]?.body ?? '';
      expect(summary).toMatch(/\| 2 \| ⚠️ warning \| \[`exec-form`\].*GitHub refused the comment: HTTP 422/);
      expect(summary).toContain('GitHub rejected 1 comment\\(s\\)');
    } finally {
      proxy.server.closeAllConnections();
      await new Promise((resolve) => proxy.server.close(resolve));
      await standIn.close();
    }
  });

  test('a read-only token (fork PR) falls back to annotations and the job summary, with the exit code of fail-on', async () => {
    // Enough findings to pass GitHub's 10 annotations per level: 13 stages, each with a shell-form CMD.
    const many = Array.from(
      { length: 13 },
      (_, i) => `FROM alpine:3.20 AS s${i}\nCMD echo stage-${i}\n`,
    ).join('');
    const standIn = await startStandIn(
      reviewFixture({ head: { ...reviewFixture().head, 'many/Dockerfile': many } }),
      { token: TOKEN, readOnlyToken: true },
    );
    try {
      const run = await runAction(standIn, { inputs: { 'fail-on': 'warning' } });
      expect(run.code).toBe(1);
      expect(run.outputs.conclusion).toBe('failure');
      const total = Number(run.outputs.total);
      expect(total).toBeGreaterThan(13);
      // Each write was tried once, refused with 403, and never retried; then nothing more was attempted.
      expect(writes(standIn)).toEqual([`POST ${REVIEWS} 403`, 'POST /repos/acme/shop/check-runs 403']);
      expect(standIn.state.reviews).toHaveLength(0);
      expect(standIn.state.issueComments).toHaveLength(0);

      const annotations = workflowAnnotations(run.stdout);
      const warnings = annotations.filter((annotation) => annotation.level === 'warning');
      expect(warnings).toHaveLength(10);
      // Changed lines first: the first warnings are on lines the PR added.
      expect(warnings[0].properties.file).not.toBe('tools/Dockerfile');
      expect(warnings.every((annotation) => annotation.properties.line !== undefined)).toBe(true);
      const notices = annotations.filter((annotation) => annotation.level === 'notice');
      expect(notices.length).toBeLessThanOrEqual(10);
      const shown = annotations.filter((annotation) => annotation.properties.file).length;
      expect(notices.at(-1)?.message).toBe(
        `${total - shown} more findings are not shown as annotations (GitHub shows 10 per level and step); the job summary lists every finding.`,
      );
      // One log line says why and what would enable the rest.
      const why = run.stdout
        .split('\n')
        .filter((line) => line.includes('could not write to the pull request'));
      expect(why).toHaveLength(1);
      expect(why[0]).toContain('Resource not accessible by integration');
      expect(why[0]).toContain('pull-requests: write');
      // The job summary has every finding, and says what could not be done.
      expect(run.jobSummary).toContain('### `many/Dockerfile`');
      expect(run.jobSummary).toContain('Nothing could be written to the pull request');
      expect(run.stdout).toMatch(/::error::dockerfile-review: findings at or above fail-on \(warning\)/);
      expectNoToken(run, standIn);
    } finally {
      await standIn.close();
    }
  });

  test('a head that moved on since the event stops cleanly: nothing posted, exit 0', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    try {
      const stale = standIn.eventPayload('synchronize');
      standIn.pushHead({ ...reviewFixture().head, 'web/Dockerfile': WEB_FIXED });
      const run = await runAction(standIn, { payload: stale });
      expect(run.code).toBe(0);
      expect(standIn.state.requests.map((request) => request.operationId)).toEqual(['pulls/get']);
      expect(run.stdout).toMatch(/::notice::dockerfile-review stopped: the pull request's head moved from/);
      expect(run.jobSummary).toBe('');
    } finally {
      await standIn.close();
    }
  });
});
