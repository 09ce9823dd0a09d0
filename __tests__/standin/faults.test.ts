import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { SECONDARY_RATE_LIMIT_MESSAGE, type StandIn, startStandIn } from '../support/github-standin/index.js';
import { octokitFor, rawFetch, sampleFixture } from './helpers.js';

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function start(): Promise<StandIn> {
  standIn = await startStandIn(sampleFixture());
  return standIn;
}

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('secondary rate limits', () => {
  it('answers 403 with retry-after and GitHub message, then recovers', async () => {
    const s = await start();
    s.faults.rateLimitNext(1, 7);
    const limited = await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json).toMatchObject({ message: SECONDARY_RATE_LIMIT_MESSAGE, status: '403' });
    // A secondary limit is not the primary one: remaining stays above zero.
    expect(Number(limited.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
    expect((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7')).status).toBe(200);
    expect(s.state.requests.map((r) => r.fault)).toEqual(['secondary-rate-limit', undefined]);
    expect(s.faults.pending()).toBe(0);
  });

  it('can answer 429 and match only some requests', async () => {
    const s = await start();
    s.faults.rateLimitNext(2, 1, { status: 429, method: 'POST', pathPattern: /\/reviews$/ });
    expect((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7/reviews')).status).toBe(200);
    const r = await rawFetch(s, 'POST', '/repos/acme/shop/pulls/7/reviews', { event: 'COMMENT', body: 'x' });
    expect(r.status).toBe(429);
    expect(s.faults.pending()).toBe(1);
    expect(s.state.reviews).toHaveLength(0);
  });

  it('is recognised and waited out by @octokit/plugin-throttling', async () => {
    const s = await start();
    s.faults.rateLimitNext(1, 2, { method: 'GET' });
    const seen: number[] = [];
    const Throttled = Octokit.plugin(throttling);
    const o = new Throttled({
      auth: s.token,
      baseUrl: s.url,
      log: silent,
      throttle: {
        // 1 ms per "second" keeps the test fast while exercising the real retry path.
        retryAfterBaseValue: 1,
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(retryAfter);
          return true;
        },
      },
    });
    const { data } = await o.rest.pulls.listFiles({ owner: 'acme', repo: 'shop', pull_number: 7 });
    expect(data).toHaveLength(4);
    expect(seen).toEqual([2]);
    expect(s.state.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('reports an exhausted primary limit through x-ratelimit-remaining: 0', async () => {
    const s = await start();
    s.faults.primaryRateLimitNext(1, 30);
    const r = await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7/files');
    expect(r.status).toBe(403);
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = Number(r.headers.get('x-ratelimit-reset'));
    expect(reset - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(29);
  });

  it('runs out of the primary budget for real after rateLimit requests', async () => {
    standIn = await startStandIn(sampleFixture(), { rateLimit: 3 });
    const s = standIn;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7')).status);
    expect(statuses).toEqual([200, 200, 200, 403]);
    expect(s.state.requests.at(-1)?.fault).toBe('primary-rate-limit');
  });
});

describe('server errors', () => {
  it('fails the next n matching requests with 502, leaving others alone', async () => {
    const s = await start();
    s.faults.serverErrorNext(2, { method: 'GET', pathPattern: '/files' });
    expect((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7')).status).toBe(200);
    expect((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7/files')).status).toBe(502);
    const second = await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7/files');
    expect(second.status).toBe(502);
    expect(second.json).toMatchObject({ message: 'Server Error' });
    expect((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7/files')).status).toBe(200);
  });

  it('does nothing on a plain 5xx: a POST that failed before work created nothing', async () => {
    const s = await start();
    s.faults.serverErrorNext(1, { status: 500 });
    const r = await rawFetch(s, 'POST', '/repos/acme/shop/issues/7/comments', { body: 'x' });
    expect(r.status).toBe(500);
    expect(s.state.issueComments).toHaveLength(0);
  });

  it('can fail a POST AFTER it created the content, so a blind retry duplicates it', async () => {
    const s = await start();
    s.faults.failAfterCommitNext(1);
    const Retrying = Octokit.plugin(retry);
    const o = new Retrying({ auth: s.token, baseUrl: s.url, log: silent, retry: { retryAfterBaseValue: 1 } });
    // A client that retries blindly posts twice: exactly the hazard the action must avoid.
    const res = await o.rest.issues.createComment({
      owner: 'acme',
      repo: 'shop',
      issue_number: 7,
      body: 'summary',
    });
    expect(res.status).toBe(201);
    expect(s.state.issueComments.map((c) => c.body)).toEqual(['summary', 'summary']);
    expect(s.state.requests.map((r) => [r.status, r.fault])).toEqual([
      [502, 'after-commit'],
      [201, undefined],
    ]);
  });

  it('lets a careful client re-list after the 5xx and find what was created', async () => {
    const s = await start();
    s.faults.failAfterCommitNext(1, { pathPattern: '/reviews' });
    const o = octokitFor(s);
    const err = await o.rest.pulls
      .createReview({
        owner: 'acme',
        repo: 'shop',
        pull_number: 7,
        event: 'COMMENT',
        body: 'review',
        comments: [{ path: 'Dockerfile', line: 2, body: 'pin it' }],
      })
      .then(
        () => undefined,
        (e: { status: number }) => e,
      );
    expect(err?.status).toBe(502);
    const { data } = await o.rest.pulls.listReviewComments({ owner: 'acme', repo: 'shop', pull_number: 7 });
    expect(data.map((c) => c.body)).toEqual(['pin it']);
  });
});
