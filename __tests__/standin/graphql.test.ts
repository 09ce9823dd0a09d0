import { afterEach, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../support/github-standin/index.js';
import { octokitFor, rawFetch, sampleFixture } from './helpers.js';

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
});

// The exact documents README.md advertises to production code.
const THREADS_QUERY = `query ($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated path line
          comments(first: 100) { nodes { id databaseId body author { login } } }
        }
      }
    }
  }
}`;
const RESOLVE = `mutation ($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }`;
const MINIMIZE = `mutation ($id: ID!, $classifier: ReportedContentClassifiers!) {
  minimizeComment(input: { subjectId: $id, classifier: $classifier }) { minimizedComment { isMinimized minimizedReason } }
}`;

interface ThreadsResult {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{
          id: string;
          isResolved: boolean;
          isOutdated: boolean;
          path: string;
          line: number | null;
          comments: {
            nodes: Array<{ id: string; databaseId: number; body: string; author: { login: string } }>;
          };
        }>;
      };
    };
  };
}

async function withTwoThreads(options?: Parameters<typeof startStandIn>[1]): Promise<StandIn> {
  standIn = await startStandIn(sampleFixture(), options);
  await octokitFor(standIn).rest.pulls.createReview({
    owner: 'acme',
    repo: 'shop',
    pull_number: 7,
    event: 'COMMENT',
    body: 'r',
    comments: [
      { path: 'Dockerfile', line: 2, body: 'first <!-- dockerlint:v1 fp=aa -->' },
      { path: 'Dockerfile', line: 18, body: 'second <!-- dockerlint:v1 fp=bb -->' },
    ],
  });
  return standIn;
}

describe('GraphQL review threads', () => {
  it('lists threads with their comments; bots appear without "[bot]"', async () => {
    const s = await withTwoThreads();
    const root = s.state.reviewComments[0];
    if (!root) throw new Error('no comment');
    s.addReply(root.id, 'Why?', 'alice');
    const o = octokitFor(s);
    const data = await o.graphql<ThreadsResult>(THREADS_QUERY, { owner: 'acme', repo: 'shop', number: 7 });
    const threads = data.repository.pullRequest.reviewThreads.nodes;
    expect(threads.map((t) => [t.path, t.line, t.isResolved, t.isOutdated])).toEqual([
      ['Dockerfile', 2, false, false],
      ['Dockerfile', 18, false, false],
    ]);
    expect(threads[0]?.comments.nodes.map((c) => [c.databaseId, c.author.login, c.body])).toEqual([
      [root.id, 'github-actions', 'first <!-- dockerlint:v1 fp=aa -->'],
      [s.state.reviewComments[2]?.id, 'alice', 'Why?'],
    ]);
    expect(threads[0]?.id).toBe(s.state.threads[0]?.id);
    expect(data.repository.pullRequest.reviewThreads.pageInfo.hasNextPage).toBe(false);
    expect(s.state.requests.at(-1)).toMatchObject({ operationId: 'graphql', path: '/graphql', status: 200 });
  });

  it('pages threads with first/after and reports outdated threads after a push', async () => {
    const s = await withTwoThreads();
    s.pushHead({
      ...sampleFixture().head,
      Dockerfile: sampleFixture().head.Dockerfile?.replace('node:20', 'node:22') ?? '',
    });
    const o = octokitFor(s);
    const q = `query ($after: String) { repository(owner: "acme", name: "shop") { pullRequest(number: 7) {
      reviewThreads(first: 1, after: $after) { pageInfo { hasNextPage endCursor } nodes { id isOutdated line } } } } }`;
    const p1 = await o.graphql<ThreadsResult>(q, {});
    const page1 = p1.repository.pullRequest.reviewThreads;
    expect(page1.nodes.map((t) => [t.isOutdated, t.line])).toEqual([[true, null]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const p2 = await o.graphql<ThreadsResult>(q, { after: page1.pageInfo.endCursor });
    expect(p2.repository.pullRequest.reviewThreads.nodes.map((t) => [t.isOutdated, t.line])).toEqual([
      [false, 18],
    ]);
    expect(p2.repository.pullRequest.reviewThreads.pageInfo.hasNextPage).toBe(false);
  });

  it('resolves a thread', async () => {
    const s = await withTwoThreads();
    const o = octokitFor(s);
    const threadId = s.state.threads[1]?.id ?? '';
    const res = await o.graphql<{ resolveReviewThread: { thread: { id: string; isResolved: boolean } } }>(
      RESOLVE,
      {
        threadId,
      },
    );
    expect(res.resolveReviewThread.thread).toEqual(
      expect.objectContaining({ id: threadId, isResolved: true }),
    );
    expect(s.state.threads.map((t) => t.isResolved)).toEqual([false, true]);
    expect(s.state.threads[1]?.resolvedBy).toBe('github-actions[bot]');
    const after = await o.graphql<ThreadsResult>(THREADS_QUERY, { owner: 'acme', repo: 'shop', number: 7 });
    expect(after.repository.pullRequest.reviewThreads.nodes.map((t) => t.isResolved)).toEqual([false, true]);
  });

  it('minimizes review and issue comments', async () => {
    const s = await withTwoThreads();
    const o = octokitFor(s);
    const { data: sticky } = await o.rest.issues.createComment({
      owner: 'acme',
      repo: 'shop',
      issue_number: 7,
      body: 'old',
    });
    const review = s.state.reviewComments[0];
    for (const id of [sticky.node_id, review?.node_id ?? '']) {
      const r = await o.graphql<{
        minimizeComment: { minimizedComment: { isMinimized: boolean; minimizedReason: string } };
      }>(MINIMIZE, { id, classifier: 'OUTDATED' });
      expect(r.minimizeComment.minimizedComment).toEqual(
        expect.objectContaining({ isMinimized: true, minimizedReason: 'outdated' }),
      );
    }
    expect(s.state.minimized).toEqual([
      { subjectId: sticky.node_id, kind: 'issue_comment', commentId: sticky.id, classifier: 'OUTDATED' },
      { subjectId: review?.node_id, kind: 'review_comment', commentId: review?.id, classifier: 'OUTDATED' },
    ]);
  });

  it('reports errors in-band: unknown ids, bad classifiers, read-only tokens, unsupported operations', async () => {
    const s = await withTwoThreads({ readOnlyToken: 'ghs_ro' });
    const post = (body: unknown, token = s.token) =>
      rawFetch(s, 'POST', '/graphql', body, `bearer ${token}`).then(
        (r) => r.json as { data?: unknown; errors?: unknown[] },
      );

    const unknown = await post({ query: RESOLVE, variables: { threadId: 'PRRT_nope' } });
    expect(unknown.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['resolveReviewThread'],
        message: "Could not resolve to a node with the global id of 'PRRT_nope'",
      },
    ]);

    const badClassifier = await post({
      query: MINIMIZE,
      variables: { id: s.state.reviewComments[0]?.node_id, classifier: 'RUDE' },
    });
    expect(badClassifier.errors).toHaveLength(1);
    expect(s.state.minimized).toEqual([]);

    const ro = await post({ query: RESOLVE, variables: { threadId: s.state.threads[0]?.id } }, 'ghs_ro');
    expect(ro).toEqual({
      data: { resolveReviewThread: null },
      errors: [
        {
          type: 'FORBIDDEN',
          path: ['resolveReviewThread'],
          message: 'Resource not accessible by integration',
        },
      ],
    });
    expect(s.state.threads[0]?.isResolved).toBe(false);
    // Reading is allowed with the read-only token.
    const read = await post(
      { query: THREADS_QUERY, variables: { owner: 'acme', repo: 'shop', number: 7 } },
      'ghs_ro',
    );
    expect(read.errors).toBeUndefined();

    const unsupported = await post({
      query: 'mutation { addPullRequestReview(input: {}) { clientMutationId } }',
    });
    expect(unsupported.errors).toHaveLength(1);
    const wrongRepo = await post({ query: 'query { repository(owner: "acme", name: "other") { id } }' });
    expect(wrongRepo.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['repository'],
        message: "Could not resolve to a Repository with the name 'acme/other'.",
      },
    ]);
  });

  it('answers viewer with the REST login', async () => {
    standIn = await startStandIn(sampleFixture());
    const r = await octokitFor(standIn).graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(r.viewer.login).toBe('github-actions[bot]');
  });
});
