import { afterEach, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../support/github-standin/index.js';
import { DOCKERFILE_HEAD, manyFiles, octokitFor, rawFetch, sampleFixture } from './helpers.js';

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

async function start(...args: Parameters<typeof startStandIn>): Promise<StandIn> {
  standIn = await startStandIn(...args);
  return standIn;
}

/** What the tests read from Octokit's RequestError (the class itself is not a direct dependency). */
interface HttpFailure {
  status: number;
  data: unknown;
  headers: Record<string, string | number | undefined>;
}

/** Runs a request expected to fail and returns its status, body and headers. */
async function failure(p: Promise<unknown>): Promise<HttpFailure> {
  try {
    await p;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number') {
      const response =
        'response' in e ? (e.response as { data?: unknown; headers?: HttpFailure['headers'] }) : {};
      return { status: e.status, data: response?.data, headers: response?.headers ?? {} };
    }
    throw e;
  }
  throw new Error('request unexpectedly succeeded');
}

const REVIEWS_DOC = 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request';

describe('pull request and files', () => {
  it('serves the PR with head/base SHAs and fork information', async () => {
    const s = await start(sampleFixture({ headRepoFullName: 'mallory/shop' }));
    const { data, headers } = await octokitFor(s).rest.pulls.get({
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
    });
    expect(data.head.sha).toBe(s.headSha);
    expect(data.base.sha).toBe(s.baseSha);
    expect(s.headSha).toMatch(/^[0-9a-f]{40}$/);
    expect(data.head.repo?.full_name).toBe('mallory/shop');
    expect(data.base.repo.full_name).toBe('acme/shop');
    expect(data.changed_files).toBe(4); // README.md is unchanged
    expect(headers['x-ratelimit-limit']).toBe('1000');
    expect(headers['x-ratelimit-remaining']).toBe('999');
  });

  it('derives SHAs from content, deterministically', async () => {
    const a = await startStandIn(sampleFixture());
    const b = await startStandIn(sampleFixture());
    const c = await startStandIn(sampleFixture({ head: { Dockerfile: 'FROM scratch\n' } }));
    expect(a.headSha).toBe(b.headSha);
    expect(a.baseSha).toBe(b.baseSha);
    expect(c.headSha).not.toBe(a.headSha);
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  it('lists files with statuses, renames, git blob SHAs and computed patches', async () => {
    const s = await start(sampleFixture());
    const { data } = await octokitFor(s).rest.pulls.listFiles({
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
    });
    expect(data.map((f) => [f.filename, f.status])).toEqual([
      ['Dockerfile', 'modified'],
      ['docker/api/Dockerfile', 'removed'],
      ['docker/worker/Dockerfile', 'added'],
      ['new/Containerfile', 'renamed'],
    ]);
    const dockerfile = data[0];
    // `git hash-object` of DOCKERFILE_HEAD starts with 9a4b6ea (see `git diff --no-index` index line).
    expect(dockerfile?.sha?.startsWith('9a4b6ea')).toBe(true);
    expect(dockerfile?.patch?.startsWith('@@ -1,5 +1,5 @@\n # syntax=docker/dockerfile:1\n')).toBe(true);
    expect(dockerfile?.changes).toBe(6);
    expect(data[3]?.previous_filename).toBe('old/Containerfile');
    expect(data[3]?.patch).toBe(
      '@@ -1,3 +1,3 @@\n-FROM alpine:3.19\n+FROM alpine:3.20\n RUN apk add curl\n CMD ["sh"]',
    );
    expect(data[1]?.patch).toBe('@@ -1,2 +0,0 @@\n-FROM golang:1.22\n-RUN go build ./...');
    expect(data[2]?.contents_url).toBe(
      `${s.url}/repos/acme/shop/contents/docker/worker/Dockerfile?ref=${s.headSha}`,
    );
  });

  it('omits patch for large and binary files, and for a pure rename', async () => {
    const big = Array.from({ length: 30 }, (_, i) => `RUN echo ${i}`).join('\n');
    const s = await start(
      {
        owner: 'acme',
        repo: 'shop',
        number: 1,
        base: { 'a.Dockerfile': 'FROM a\n', 'logo.png': 'PNG\0\x01' },
        head: { 'a.Dockerfile': `FROM a\n${big}\n`, 'logo.png': 'PNG\0\x02', 'moved/b': 'same\n', c: 'x\n' },
        renames: { 'moved/b': 'b' },
      },
      { omitPatchOver: 10 },
    );
    const files = s.files();
    const byName = new Map(files.map((f) => [f.filename, f]));
    expect(byName.get('a.Dockerfile')?.additions).toBe(30);
    expect(byName.get('a.Dockerfile')).not.toHaveProperty('patch');
    expect(byName.get('logo.png')).not.toHaveProperty('patch');
    expect(byName.get('c')?.patch).toBe('@@ -0,0 +1 @@\n+x');
    // 'b' is not in base, so this is an addition, not a rename.
    expect(byName.get('moved/b')?.status).toBe('added');
  });

  it('paginates List PR files with a Link header, and octokit.paginate follows it', async () => {
    const s = await start({ owner: 'acme', repo: 'shop', number: 2, base: {}, head: manyFiles(250) });
    const first = await rawFetch(s, 'GET', '/repos/acme/shop/pulls/2/files?per_page=100');
    expect((first.json as unknown[]).length).toBe(100);
    expect(first.headers.get('link')).toBe(
      `<${s.url}/repos/acme/shop/pulls/2/files?per_page=100&page=2>; rel="next", <${s.url}/repos/acme/shop/pulls/2/files?per_page=100&page=3>; rel="last"`,
    );
    const third = await rawFetch(s, 'GET', '/repos/acme/shop/pulls/2/files?per_page=100&page=3');
    expect((third.json as unknown[]).length).toBe(50);
    expect(third.headers.get('link')).toBe(
      `<${s.url}/repos/acme/shop/pulls/2/files?per_page=100&page=2>; rel="prev", <${s.url}/repos/acme/shop/pulls/2/files?per_page=100&page=1>; rel="first"`,
    );

    const before = s.state.requests.length;
    const all = await octokitFor(s).paginate(octokitFor(s).rest.pulls.listFiles, {
      owner: 'acme',
      repo: 'shop',
      pull_number: 2,
      per_page: 100,
    });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((f) => f.filename)).size).toBe(250);
    expect(s.state.requests.length - before).toBe(3);
  });

  it('stops listing at 3000 files while changed_files tells the truth', async () => {
    const s = await start({ owner: 'acme', repo: 'shop', number: 3, base: {}, head: manyFiles(3005) });
    const o = octokitFor(s);
    const all = await o.paginate(o.rest.pulls.listFiles, {
      owner: 'acme',
      repo: 'shop',
      pull_number: 3,
      per_page: 100,
    });
    expect(all).toHaveLength(3000);
    const { data } = await o.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 3 });
    expect(data.changed_files).toBe(3005);
    // The diff media type refuses more than 300 files, as GitHub does.
    const diff = await failure(
      o.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 3, mediaType: { format: 'diff' } }),
    );
    expect(diff.status).toBe(406);
  });

  it('answers 404 for another PR number or repository', async () => {
    const s = await start(sampleFixture());
    expect((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/8')).status).toBe(404);
    expect((await rawFetch(s, 'GET', '/repos/acme/other/pulls/7/files')).status).toBe(404);
    expect((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/seven')).status).toBe(404);
  });
});

describe('contents and blobs', () => {
  it('serves base64 content at the head or base SHA, 404 otherwise', async () => {
    const s = await start(sampleFixture());
    const o = octokitFor(s);
    const head = await o.rest.repos.getContent({
      owner: 'acme',
      repo: 'shop',
      path: 'Dockerfile',
      ref: s.headSha,
    });
    if (Array.isArray(head.data) || head.data.type !== 'file') throw new Error('expected a file');
    expect(head.data.encoding).toBe('base64');
    expect(Buffer.from(head.data.content, 'base64').toString('utf8')).toBe(DOCKERFILE_HEAD);
    // Wrapped at 60 columns like GitHub.
    expect(head.data.content.split('\n')[0]).toHaveLength(60);

    const base = await o.rest.repos.getContent({
      owner: 'acme',
      repo: 'shop',
      path: 'docker/api/Dockerfile',
      ref: s.baseSha,
    });
    if (Array.isArray(base.data) || base.data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(base.data.content, 'base64').toString()).toBe(
      'FROM golang:1.22\nRUN go build ./...\n',
    );

    expect(
      (
        await failure(
          o.rest.repos.getContent({
            owner: 'acme',
            repo: 'shop',
            path: 'docker/api/Dockerfile',
            ref: s.headSha,
          }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await failure(
          o.rest.repos.getContent({ owner: 'acme', repo: 'shop', path: 'Dockerfile', ref: 'f'.repeat(40) }),
        )
      ).status,
    ).toBe(404);

    const raw = await rawFetch(s, 'GET', `/repos/acme/shop/contents/new/Containerfile?ref=${s.headSha}`);
    expect(raw.status).toBe(200);
    const blob = await o.rest.git.getBlob({
      owner: 'acme',
      repo: 'shop',
      file_sha: (raw.json as { sha: string }).sha,
    });
    expect(Buffer.from(blob.data.content, 'base64').toString()).toBe(
      'FROM alpine:3.20\nRUN apk add curl\nCMD ["sh"]\n',
    );
  });
});

describe('reviews', () => {
  it('creates one review holding line, multi-line and legacy-position comments', async () => {
    const s = await start(sampleFixture());
    const o = octokitFor(s);
    const { data: review } = await o.rest.pulls.createReview({
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
      commit_id: s.headSha,
      event: 'COMMENT',
      body: 'dockerfile-review found 3 problems',
      comments: [
        { path: 'Dockerfile', line: 2, side: 'RIGHT', body: 'pin the digest' },
        {
          path: 'Dockerfile',
          start_line: 17,
          start_side: 'RIGHT',
          line: 18,
          side: 'RIGHT',
          body: 'use exec form',
        },
        { path: 'new/Containerfile', position: 1, body: 'legacy position' },
      ],
    });
    expect(review.state).toBe('COMMENTED');
    expect(review.user?.login).toBe('github-actions[bot]');
    expect(review.html_url).toBe(`https://github.com/acme/shop/pull/7#pullrequestreview-${review.id}`);

    const { data: comments } = await o.rest.pulls.listReviewComments({
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
    });
    expect(
      comments.map((c) => [c.path, c.line, c.start_line, c.side, c.position, c.pull_request_review_id]),
    ).toEqual([
      ['Dockerfile', 2, null, 'RIGHT', 3, review.id],
      ['Dockerfile', 18, 17, 'RIGHT', 14, review.id],
      // position 1 of the rename's patch is its `-FROM alpine:3.19` line, old line 1.
      ['new/Containerfile', 1, null, 'LEFT', 1, review.id],
    ]);
    expect(comments[0]?.diff_hunk).toBe(
      '@@ -1,5 +1,5 @@\n # syntax=docker/dockerfile:1\n-FROM node:18-bullseye AS build\n+FROM node:20-bullseye AS build',
    );
    expect(comments[0]).not.toHaveProperty('in_reply_to_id');
    expect(s.state.reviewComments.map((c) => c.body)).toEqual([
      'pin the digest',
      'use exec form',
      'legacy position',
    ]);
  });

  it('fails the WHOLE review with GitHub 422 when one comment is outside the diff', async () => {
    const s = await start(sampleFixture());
    const res = await rawFetch(s, 'POST', '/repos/acme/shop/pulls/7/reviews', {
      commit_id: s.headSha,
      event: 'COMMENT',
      body: 'x',
      comments: [
        { path: 'Dockerfile', line: 2, body: 'fine' },
        { path: 'Dockerfile', line: 10, body: 'line 10 is between the hunks' },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      message: 'Unprocessable Entity',
      errors: [
        "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
      ],
      documentation_url: REVIEWS_DOC,
      status: '422',
    });
    expect(s.state.reviews).toEqual([]);
    expect(s.state.reviewComments).toEqual([]);
  });

  it.each([
    [
      'a range whose end is outside the diff',
      { path: 'Dockerfile', start_line: 5, line: 10 },
      "Pull request review thread line must be part of the diff, Pull request review thread start line must be part of the same hunk as the line., and Pull request review thread diff hunk can't be blank",
    ],
    [
      'a range spanning two hunks',
      { path: 'Dockerfile', start_line: 4, line: 17 },
      'Pull request review thread start line must be part of the same hunk as the line.',
    ],
    [
      'start_line equal to line',
      { path: 'Dockerfile', start_line: 2, line: 2 },
      'Pull request review thread start line must precede the end line.',
    ],
    ['a file not in the PR', { path: 'src/app.ts', line: 1 }, 'Path could not be resolved'],
    ['a line past the end of the file', { path: 'Dockerfile', line: 99 }, 'Line could not be resolved'],
    [
      'a LEFT line that was not removed or kept',
      { path: 'docker/worker/Dockerfile', line: 1, side: 'LEFT' },
      'Line could not be resolved',
    ],
  ])('rejects %s with the documented message', async (_name, comment, message) => {
    const s = await start(sampleFixture());
    const e = await failure(
      octokitFor(s).rest.pulls.createReview({
        owner: 'acme',
        repo: 'shop',
        pull_number: 7,
        event: 'COMMENT',
        body: 'x',
        comments: [{ ...comment, body: 'b' }],
      }),
    );
    expect(e.status).toBe(422);
    expect((e.data as { errors: string[] }).errors).toEqual([message]);
    expect(s.state.reviews).toHaveLength(0);
  });

  it('refuses APPROVE from GITHUB_TOKEN and a second pending review', async () => {
    const s = await start(sampleFixture());
    const approve = await rawFetch(s, 'POST', '/repos/acme/shop/pulls/7/reviews', { event: 'APPROVE' });
    expect((approve.json as { errors: string[] }).errors).toEqual([
      'GitHub Actions is not permitted to approve pull requests.',
    ]);
    const pending = await rawFetch(s, 'POST', '/repos/acme/shop/pulls/7/reviews', { body: 'draft' });
    expect(pending.status).toBe(200);
    expect((pending.json as { state: string }).state).toBe('PENDING');
    const again = await rawFetch(s, 'POST', '/repos/acme/shop/pulls/7/reviews', { body: 'draft 2' });
    expect(again.status).toBe(422);
    expect((again.json as { errors: string[] }).errors).toEqual([
      'User can only have one pending review per pull request',
    ]);
  });

  it('answers the single-comment endpoint with "Validation Failed" objects, and supports file comments and replies', async () => {
    const s = await start(sampleFixture());
    const o = octokitFor(s);
    const bad = await failure(
      o.rest.pulls.createReviewComment({
        owner: 'acme',
        repo: 'shop',
        pull_number: 7,
        commit_id: s.headSha,
        path: 'Dockerfile',
        line: 10,
        body: 'outside',
      }),
    );
    expect(bad.data).toEqual({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'PullRequestReviewComment',
          code: 'custom',
          field: 'pull_request_review_thread.line',
          message: 'pull_request_review_thread.line must be part of the diff',
        },
        {
          resource: 'PullRequestReviewComment',
          code: 'missing_field',
          field: 'pull_request_review_thread.diff_hunk',
        },
      ],
      documentation_url:
        'https://docs.github.com/rest/pulls/comments#create-a-review-comment-for-a-pull-request',
      status: '422',
    });

    const file = await o.rest.pulls.createReviewComment({
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
      commit_id: s.headSha,
      path: 'Dockerfile',
      subject_type: 'file',
      body: 'line 10 has a problem',
    });
    expect(file.status).toBe(201);
    expect(file.data.subject_type).toBe('file');
    expect(file.data.line).toBeNull();

    const reply = await o.rest.pulls.createReplyForReviewComment({
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
      comment_id: file.data.id,
      body: 'thanks',
    });
    expect(reply.data.in_reply_to_id).toBe(file.data.id);
    const human = s.addReply(reply.data.id, 'replying to a reply', 'alice');
    // Replies to replies join the root's thread.
    expect(human.in_reply_to_id).toBe(file.data.id);
    expect(human.user.login).toBe('alice');
  });

  it('paginates, edits and deletes review comments', async () => {
    const s = await start(sampleFixture());
    const o = octokitFor(s);
    await o.rest.pulls.createReview({
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
      event: 'COMMENT',
      body: 'many',
      comments: Array.from({ length: 5 }, (_, i) => ({ path: 'Dockerfile', line: 1 + i, body: `c${i}` })),
    });
    const page1 = await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7/comments?per_page=2');
    expect(page1.headers.get('link')).toContain('rel="next"');
    const all = await o.paginate(o.rest.pulls.listReviewComments, {
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
      per_page: 2,
    });
    expect(all.map((c) => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    const target = all[2];
    if (!target) throw new Error('missing comment');
    await o.rest.pulls.updateReviewComment({
      owner: 'acme',
      repo: 'shop',
      comment_id: target.id,
      body: 'edited',
    });
    const del = await o.rest.pulls.deleteReviewComment({
      owner: 'acme',
      repo: 'shop',
      comment_id: all[0]?.id ?? 0,
    });
    expect(del.status).toBe(204);
    expect(s.state.reviewComments.map((c) => c.body)).toEqual(['c1', 'edited', 'c3', 'c4']);
    expect(s.state.deletedReviewCommentIds).toEqual([all[0]?.id]);
    expect((await rawFetch(s, 'DELETE', `/repos/acme/shop/pulls/comments/${all[0]?.id}`)).status).toBe(404);
  });

  it('keeps comments across a push: changed lines go outdated, the others follow their code to the new head', async () => {
    const s = await start(sampleFixture());
    const o = octokitFor(s);
    const firstHead = s.headSha;
    await o.rest.pulls.createReview({
      owner: 'acme',
      repo: 'shop',
      pull_number: 7,
      event: 'COMMENT',
      body: 'r',
      comments: [
        { path: 'Dockerfile', line: 2, body: 'on Dockerfile' },
        { path: 'docker/worker/Dockerfile', line: 3, body: 'on worker' },
      ],
    });
    const head = {
      ...sampleFixture().head,
      Dockerfile: DOCKERFILE_HEAD.replace('FROM node:20', 'FROM node:22'),
      // One line inserted above the commented line 3: the comment follows its code to line 4.
      'docker/worker/Dockerfile':
        '# worker\nFROM python:3.12-slim\nRUN pip install celery\nCMD celery worker\n',
    };
    const newSha = s.pushHead(head);
    expect(newSha).not.toBe(firstHead);
    expect(s.headSha).toBe(newSha);
    const { data } = await o.rest.pulls.listReviewComments({ owner: 'acme', repo: 'shop', pull_number: 7 });
    expect(
      data.map((c) => [c.path, c.line, c.original_line, c.position, c.commit_id, c.original_commit_id]),
    ).toEqual([
      ['Dockerfile', null, 2, null, firstHead, firstHead],
      ['docker/worker/Dockerfile', 4, 3, 4, newSha, firstHead],
    ]);
    const files = await o.rest.pulls.listFiles({ owner: 'acme', repo: 'shop', pull_number: 7 });
    expect(files.data[0]?.patch).toContain('+FROM node:22-bullseye AS build');
    // The old head stays readable, as on GitHub.
    const old = await rawFetch(s, 'GET', `/repos/acme/shop/contents/Dockerfile?ref=${firstHead}`);
    expect(old.status).toBe(200);
  });
});

describe('issue comments', () => {
  it('creates, paginates, edits and deletes', async () => {
    const s = await start(sampleFixture());
    const o = octokitFor(s);
    for (let i = 0; i < 3; i++) {
      const r = await o.rest.issues.createComment({
        owner: 'acme',
        repo: 'shop',
        issue_number: 7,
        body: `n${i}`,
      });
      expect(r.status).toBe(201);
      expect(r.data.user?.login).toBe('github-actions[bot]');
      expect(r.data.html_url).toBe(`https://github.com/acme/shop/pull/7#issuecomment-${r.data.id}`);
    }
    s.addIssueComment('LGTM', 'alice');
    const all = await o.paginate(o.rest.issues.listComments, {
      owner: 'acme',
      repo: 'shop',
      issue_number: 7,
      per_page: 1,
    });
    expect(all.map((c) => [c.body, c.user?.type])).toEqual([
      ['n0', 'Bot'],
      ['n1', 'Bot'],
      ['n2', 'Bot'],
      ['LGTM', 'User'],
    ]);
    await o.rest.issues.updateComment({
      owner: 'acme',
      repo: 'shop',
      comment_id: all[1]?.id ?? 0,
      body: 'sticky v2',
    });
    await o.rest.issues.deleteComment({ owner: 'acme', repo: 'shop', comment_id: all[0]?.id ?? 0 });
    expect(s.state.issueComments.map((c) => c.body)).toEqual(['sticky v2', 'n2', 'LGTM']);
  });

  it('enforces the 65,536-character body limit with GitHub 422 (characters, not UTF-16 units)', async () => {
    const s = await start(sampleFixture());
    const o = octokitFor(s);
    // 65,536 emoji are 131,072 UTF-16 units but 65,536 characters: accepted.
    const ok = await o.rest.issues.createComment({
      owner: 'acme',
      repo: 'shop',
      issue_number: 7,
      body: '🐳'.repeat(65536),
    });
    expect(ok.status).toBe(201);
    const e = await failure(
      o.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 7, body: 'x'.repeat(65537) }),
    );
    expect(e.status).toBe(422);
    expect(e.data).toEqual({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'unprocessable',
          field: 'data',
          message: 'Body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '422',
    });
    const edit = await failure(
      o.rest.issues.updateComment({
        owner: 'acme',
        repo: 'shop',
        comment_id: ok.data.id,
        body: 'y'.repeat(70000),
      }),
    );
    expect(edit.status).toBe(422);
    expect(s.state.issueComments).toHaveLength(1);
  });
});

describe('check runs', () => {
  const annotation = (i: number) => ({
    path: 'Dockerfile',
    start_line: i,
    end_line: i,
    annotation_level: 'warning' as const,
    message: `m${i}`,
  });

  it('accumulates annotations over updates, 50 per request at most', async () => {
    const s = await start(sampleFixture());
    const o = octokitFor(s);
    const { data: run } = await o.rest.checks.create({
      owner: 'acme',
      repo: 'shop',
      name: 'dockerfile-review',
      head_sha: s.headSha,
      status: 'in_progress',
    });
    expect(run.status).toBe('in_progress');
    for (const batch of [0, 50]) {
      await o.rest.checks.update({
        owner: 'acme',
        repo: 'shop',
        check_run_id: run.id,
        output: {
          title: 't',
          summary: 's',
          annotations: Array.from({ length: 50 }, (_, i) => annotation(batch + i + 1)),
        },
      });
    }
    const tooMany = await failure(
      o.rest.checks.update({
        owner: 'acme',
        repo: 'shop',
        check_run_id: run.id,
        output: {
          title: 't',
          summary: 's',
          annotations: Array.from({ length: 51 }, (_, i) => annotation(i + 1)),
        },
      }),
    );
    expect(tooMany.status).toBe(422);
    expect((tooMany.data as { message: string }).message).toBe(
      "Invalid request.\n\nFor 'properties/output/properties/annotations', No more than 50 items are allowed; 51 were supplied.",
    );
    const done = await o.rest.checks.update({
      owner: 'acme',
      repo: 'shop',
      check_run_id: run.id,
      conclusion: 'failure',
      output: { title: '3 errors', summary: 'see annotations' },
    });
    expect(done.data.status).toBe('completed');
    expect(done.data.output.annotations_count).toBe(100);
    const stored = s.state.checkRuns[0];
    expect(stored?.annotations.map((a) => a.start_line)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(stored?.conclusion).toBe('failure');
    expect(stored?.updates).toBe(3);

    const listed = await o.rest.checks.listForRef({ owner: 'acme', repo: 'shop', ref: s.headSha });
    expect(listed.data.check_runs.map((r) => r.name)).toEqual(['dockerfile-review']);
    const annotations = await o.paginate(o.rest.checks.listAnnotations, {
      owner: 'acme',
      repo: 'shop',
      check_run_id: run.id,
      per_page: 100,
    });
    expect(annotations).toHaveLength(100);
  });

  it('rejects an unknown head SHA and "completed" without a conclusion', async () => {
    const s = await start(sampleFixture());
    const unknown = await rawFetch(s, 'POST', '/repos/acme/shop/check-runs', {
      name: 'x',
      head_sha: 'a'.repeat(40),
    });
    expect(unknown.status).toBe(422);
    expect((unknown.json as { message: string }).message).toBe(`No commit found for SHA: ${'a'.repeat(40)}`);
    const { json } = await rawFetch(s, 'POST', '/repos/acme/shop/check-runs', {
      name: 'x',
      head_sha: s.headSha,
    });
    const id = (json as { id: number }).id;
    const incomplete = await rawFetch(s, 'PATCH', `/repos/acme/shop/check-runs/${id}`, {
      status: 'completed',
    });
    expect(incomplete.status).toBe(422);
    expect((incomplete.json as { message: string }).message).toBe(
      'Invalid request.\n\n"conclusion" wasn\'t supplied.',
    );
  });
});

describe('auth and permissions', () => {
  it('answers 401 without or with a wrong token, accepts "token" and "Bearer"', async () => {
    const s = await start(sampleFixture(), { token: 'ghs_secret_value' });
    expect((await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7', undefined, null)).json).toMatchObject({
      message: 'Requires authentication',
    });
    const bad = await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7', undefined, 'token nope');
    expect(bad.status).toBe(401);
    expect(bad.json).toMatchObject({ message: 'Bad credentials' });
    expect(
      (await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7', undefined, 'Bearer ghs_secret_value')).status,
    ).toBe(200);
    expect(
      (await rawFetch(s, 'GET', '/repos/acme/shop/pulls/7', undefined, 'token ghs_secret_value')).status,
    ).toBe(200);
    await octokitFor(s).rest.issues.createComment({
      owner: 'acme',
      repo: 'shop',
      issue_number: 7,
      body: 'hi',
    });
    // The request log must never hold the credential.
    expect(JSON.stringify(s.state.requests)).not.toContain('ghs_secret_value');
    expect(s.state.requests.at(-1)?.headers.authorization).toBe('***');
    expect(s.state.requests.at(-1)?.operationId).toBe('issues/create-comment');
  });

  it('gives a read-only token 403 "Resource not accessible by integration" on every write', async () => {
    const s = await start(sampleFixture({ headRepoFullName: 'mallory/shop' }), { readOnlyToken: 'ghs_fork' });
    const o = octokitFor(s, 'ghs_fork');
    expect((await o.rest.pulls.listFiles({ owner: 'acme', repo: 'shop', pull_number: 7 })).status).toBe(200);
    const review = await failure(
      o.rest.pulls.createReview({ owner: 'acme', repo: 'shop', pull_number: 7, event: 'COMMENT', body: 'x' }),
    );
    expect(review.status).toBe(403);
    expect(review.data).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: REVIEWS_DOC,
      status: '403',
    });
    expect(review.headers['x-accepted-github-permissions']).toBe('pull_requests=write');
    const check = await failure(
      o.rest.checks.create({ owner: 'acme', repo: 'shop', name: 'c', head_sha: s.headSha }),
    );
    expect(check.status).toBe(403);
    const comment = await failure(
      o.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: 7, body: 'x' }),
    );
    expect(comment.status).toBe(403);
    expect(s.state.reviews).toHaveLength(0);
    expect(s.state.checkRuns).toHaveLength(0);
    expect(s.state.issueComments).toHaveLength(0);
    // The main token still writes.
    expect(
      (
        await octokitFor(s).rest.issues.createComment({
          owner: 'acme',
          repo: 'shop',
          issue_number: 7,
          body: 'x',
        })
      ).status,
    ).toBe(201);
  });

  it('can make the main token itself read-only, and GET /user is 403 for the bot', async () => {
    const s = await start(sampleFixture(), { readOnlyToken: true });
    const res = await rawFetch(s, 'PATCH', '/repos/acme/shop/issues/comments/1', { body: 'x' });
    expect(res.status).toBe(403);
    expect((await rawFetch(s, 'GET', '/user')).status).toBe(403);
  });
});

describe('OpenAPI validation', () => {
  it('rejects a review comment whose line is a string', async () => {
    const s = await start(sampleFixture());
    const res = await rawFetch(s, 'POST', '/repos/acme/shop/pulls/7/reviews', {
      event: 'COMMENT',
      body: 'x',
      comments: [{ path: 'Dockerfile', line: '2', body: 'b' }],
    });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      message:
        'Invalid request.\n\nFor \'properties/comments/items/properties/line\', "2" is not an integer.',
      documentation_url: REVIEWS_DOC,
      status: '422',
    });
    expect(s.state.reviews).toHaveLength(0);
  });

  it('rejects an unknown review event', async () => {
    const s = await start(sampleFixture());
    const res = await rawFetch(s, 'POST', '/repos/acme/shop/pulls/7/reviews', {
      event: 'COMMENTED',
      body: 'x',
    });
    expect(res.status).toBe(422);
    expect((res.json as { message: string }).message).toBe(
      'Invalid request.\n\nFor \'properties/event\', "COMMENTED" is not a member of ["APPROVE", "REQUEST_CHANGES", "COMMENT"].',
    );
  });

  it('rejects a check-run annotation missing annotation_level, naming the field', async () => {
    const s = await start(sampleFixture());
    const e = await failure(
      octokitFor(s).rest.checks.create({
        owner: 'acme',
        repo: 'shop',
        name: 'c',
        head_sha: s.headSha,
        output: {
          title: 't',
          summary: 's',
          // @ts-expect-error: deliberately invalid, as a buggy caller would send it
          annotations: [{ path: 'Dockerfile', start_line: 1, end_line: 1, message: 'm' }],
        },
      }),
    );
    expect(e.status).toBe(422);
    expect((e.data as { message: string }).message).toBe(
      'Invalid request.\n\n"annotation_level" wasn\'t supplied.',
    );
    expect(s.state.checkRuns).toHaveLength(0);
  });

  it('rejects a missing required body field, a summary over 65535 characters and malformed JSON', async () => {
    const s = await start(sampleFixture());
    const noBody = await rawFetch(s, 'POST', '/repos/acme/shop/issues/7/comments', { text: 'hi' });
    expect((noBody.json as { message: string }).message).toBe('Invalid request.\n\n"body" wasn\'t supplied.');
    const long = await rawFetch(s, 'POST', '/repos/acme/shop/check-runs', {
      name: 'c',
      head_sha: s.headSha,
      output: { title: 't', summary: 's'.repeat(65536) },
    });
    expect((long.json as { message: string }).message).toBe(
      "Invalid request.\n\nFor 'properties/output/properties/summary', Only 65535 characters are allowed; 65536 were supplied.",
    );
    const junk = await rawFetch(s, 'POST', '/repos/acme/shop/issues/7/comments', '{"body":');
    expect(junk.status).toBe(400);
    expect(junk.json).toMatchObject({ message: 'Problems parsing JSON' });
  });
});
