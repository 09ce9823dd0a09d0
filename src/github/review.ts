/**
 * Inline review comments: reconciled with what the bot posted before, posted as ONE review, and cleaned up
 * when fixed. Every comment ends with a hidden fingerprint marker (rule, path, normalised instruction text:
 * stable when lines shift), so a second run posts nothing new and a fixed finding's thread is resolved.
 */
import { type GitHubClient, describeError, statusOf } from './client.js';
import { fingerprintOf } from '../report/pr-markdown.js';
import type { PullRequestRef } from './pull-request.js';

export interface InlineComment {
  readonly path: string;
  readonly fingerprint: string;
  /** The body, ending with the fingerprint marker. */
  readonly body: string;
  readonly line: number;
  readonly startLine?: number;
}

export interface PostedComment {
  readonly id: number;
  readonly path: string;
  readonly fingerprint: string;
  /** GitHub no longer anchors it to a line of the current diff. */
  readonly outdated: boolean;
  readonly hasReplies: boolean;
}

export interface ReviewOutcome {
  readonly posted: readonly InlineComment[];
  readonly failed: readonly { comment: InlineComment; reason: string }[];
}

export async function listPostedComments(
  octokit: GitHubClient,
  pr: PullRequestRef,
): Promise<PostedComment[]> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  const repliedTo = new Set(
    comments.map((comment) => comment.in_reply_to_id).filter((id): id is number => typeof id === 'number'),
  );
  const posted: PostedComment[] = [];
  for (const comment of comments) {
    const fingerprint = comment.in_reply_to_id ? null : fingerprintOf(comment.body);
    if (fingerprint === null) continue;
    posted.push({
      id: comment.id,
      path: comment.path,
      fingerprint,
      outdated: comment.line === null || comment.line === undefined,
      hasReplies: repliedTo.has(comment.id),
    });
  }
  return posted;
}

/**
 * Posts the comments as one review (`event: COMMENT`, so no pending review is left behind). GitHub fails the
 * WHOLE review when one comment is not on the diff (422): the comments are then split in halves and each half
 * retried, so the valid ones are posted and the rejected ones reported, in O(log n) extra requests per bad
 * comment. A 5xx may have created the review anyway: re-list, and post only the comments still missing.
 */
export async function postReview(
  octokit: GitHubClient,
  pr: PullRequestRef,
  comments: readonly InlineComment[],
  body: string,
): Promise<ReviewOutcome> {
  const posted: InlineComment[] = [];
  const failed: { comment: InlineComment; reason: string }[] = [];

  const attempt = async (batch: readonly InlineComment[], allowRelist: boolean): Promise<void> => {
    if (batch.length === 0) return;
    try {
      await octokit.rest.pulls.createReview({
        owner: pr.owner,
        repo: pr.repo,
        pull_number: pr.number,
        commit_id: pr.headSha,
        event: 'COMMENT',
        body,
        comments: batch.map((comment) => ({
          path: comment.path,
          body: comment.body,
          line: comment.line,
          side: 'RIGHT',
          ...(comment.startLine !== undefined ? { start_line: comment.startLine, start_side: 'RIGHT' } : {}),
        })),
        request: { retries: 0 },
      });
      posted.push(...batch);
    } catch (error) {
      const status = statusOf(error);
      if (status === 422 && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await attempt(batch.slice(0, half), allowRelist);
        await attempt(batch.slice(half), allowRelist);
      } else if (status !== undefined && status >= 500 && allowRelist) {
        const present = new Set(
          (await listPostedComments(octokit, pr)).map((comment) => comment.fingerprint),
        );
        const missing = batch.filter((comment) => !present.has(comment.fingerprint));
        posted.push(...batch.filter((comment) => present.has(comment.fingerprint)));
        await attempt(missing, false);
      } else if (status === 422 || (status !== undefined && status >= 500)) {
        for (const comment of batch) failed.push({ comment, reason: describeError(error) });
      } else {
        throw error; // permission and network errors are the caller's: it falls back to annotations
      }
    }
  };
  await attempt(comments, true);
  return { posted, failed };
}

/**
 * Comments whose finding is gone: deleted when nobody replied (nothing of value is lost), otherwise their
 * thread is resolved through GraphQL so the discussion stays readable. Best effort: a failure is reported.
 */
export async function cleanUpFixed(
  octokit: GitHubClient,
  pr: PullRequestRef,
  fixed: readonly PostedComment[],
): Promise<string[]> {
  const problems: string[] = [];
  const toResolve = fixed.filter((comment) => comment.hasReplies);
  for (const comment of fixed.filter((candidate) => !candidate.hasReplies)) {
    try {
      await octokit.rest.pulls.deleteReviewComment({
        owner: pr.owner,
        repo: pr.repo,
        comment_id: comment.id,
      });
    } catch (error) {
      problems.push(`could not delete the fixed comment on ${comment.path} (${describeError(error)})`);
    }
  }
  if (toResolve.length === 0) return problems;
  try {
    const threads = await reviewThreads(octokit, pr);
    for (const comment of toResolve) {
      const thread = threads.find((candidate) => candidate.firstCommentId === comment.id);
      if (!thread || thread.isResolved) continue;
      await octokit.graphql(
        'mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }',
        { threadId: thread.id },
      );
    }
  } catch (error) {
    problems.push(`could not resolve the threads of fixed findings (${describeError(error)})`);
  }
  return problems;
}

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number | null }[] } }[];
      };
    };
  };
}

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

async function reviewThreads(
  octokit: GitHubClient,
  pr: PullRequestRef,
): Promise<{ id: string; isResolved: boolean; firstCommentId: number | null }[]> {
  const threads: { id: string; isResolved: boolean; firstCommentId: number | null }[] = [];
  let cursor: string | null = null;
  do {
    const page: ThreadsPage = await octokit.graphql<ThreadsPage>(THREADS_QUERY, {
      owner: pr.owner,
      repo: pr.repo,
      number: pr.number,
      cursor,
    });
    const { nodes, pageInfo } = page.repository.pullRequest.reviewThreads;
    for (const node of nodes)
      threads.push({
        id: node.id,
        isResolved: node.isResolved,
        firstCommentId: node.comments.nodes[0]?.databaseId ?? null,
      });
    cursor = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  } while (cursor);
  return threads;
}
