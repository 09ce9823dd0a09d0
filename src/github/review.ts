/**
 * Inline review comments: reconciled with what the bot posted before, posted as ONE review, and cleaned up
 * when fixed. Every comment ends with a hidden fingerprint marker (rule, path, normalised instruction text:
 * stable when lines shift), so a second run posts nothing new and a fixed finding's thread is resolved.
 */

import { fingerprintOf } from '../report/pr-markdown.js';
import { describeError, type GitHubClient, isPermissionError, isServerError, statusOf } from './client.js';
import type { PullRequestRef } from './pull-request.js';

/** A comment on lines of the diff (RIGHT side), posted inside the run's one review. */
export interface InlineComment {
  readonly path: string;
  readonly fingerprint: string;
  /** The body, ending with the fingerprint marker. */
  readonly body: string;
  readonly line: number;
  readonly startLine?: number;
}

/**
 * A comment on a whole file (`subject_type: file`), for a finding on no line of the diff: the file's patch was
 * omitted by GitHub (too large), or the finding lies outside the hunks under `filter-mode: file`.
 */
export interface FileComment {
  readonly path: string;
  readonly fingerprint: string;
  readonly body: string;
}

export interface PostedComment {
  readonly id: number;
  readonly path: string;
  readonly fingerprint: string;
  /** GitHub no longer anchors it to a line of the current diff (file-level comments never are). */
  readonly outdated: boolean;
  readonly hasReplies: boolean;
}

export interface Outcome<T> {
  readonly posted: readonly T[];
  readonly failed: readonly { comment: T; reason: string }[];
}

/** Re-reads the pull request's diff and splits comments into those it can still hold and those it cannot. */
export type Recheck = (
  comments: readonly InlineComment[],
) => Promise<{ keep: InlineComment[]; dropped: InlineComment[] }>;

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
    // `line` is null for an outdated line comment (the spec does not say so: github-api.md §1.7) and always
    // for a file-level one, which cannot go out of date.
    const fileLevel = comment.subject_type === 'file';
    posted.push({
      id: comment.id,
      path: comment.path,
      fingerprint,
      outdated: !fileLevel && (comment.line === null || comment.line === undefined),
      hasReplies: repliedTo.has(comment.id),
    });
  }
  return posted;
}

/**
 * Posts the comments as one review (`event: COMMENT`, so no pending review is left behind). GitHub fails the
 * WHOLE review when one comment is not on its diff (422) without saying which one. The diff we placed the
 * comments on was then not GitHub's (it changed since it was listed): `recheck` re-reads it, the comments it
 * can no longer hold are dropped (reported by the caller), and the rest is posted again, still as one review.
 * Only when that does not single out the culprit are the comments split in halves, each half its own review
 * (O(log n) extra requests per bad comment): never losing the valid comments is worth a few extra reviews.
 * A 5xx may have created the review anyway: re-list, and post only the comments still missing.
 */
export async function postReview(
  octokit: GitHubClient,
  pr: PullRequestRef,
  comments: readonly InlineComment[],
  body: string,
  recheck: Recheck,
): Promise<Outcome<InlineComment>> {
  const posted: InlineComment[] = [];
  const failed: { comment: InlineComment; reason: string }[] = [];

  /** Posts `batch`; resolves to the error GitHub kept answering (422 or 5xx), or undefined when posted. */
  const tryPost = async (batch: readonly InlineComment[], allowRelist: boolean): Promise<unknown> => {
    if (batch.length === 0) return undefined;
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
        // Never blindly retried: a 5xx may come after the review was stored (reviewdog#355).
        request: { retries: 0 },
      });
      posted.push(...batch);
      return undefined;
    } catch (error) {
      const status = statusOf(error);
      if (isServerError(status) && allowRelist) {
        const present = await postedFingerprints(octokit, pr);
        posted.push(...batch.filter((comment) => present.has(comment.fingerprint)));
        return tryPost(
          batch.filter((comment) => !present.has(comment.fingerprint)),
          false,
        );
      }
      if (status === 422 || isServerError(status)) return error;
      throw error; // permission and network errors are the caller's: it falls back to annotations
    }
  };

  const bisect = async (batch: readonly InlineComment[]): Promise<void> => {
    const error = await tryPost(batch, true);
    if (error === undefined) return;
    if (statusOf(error) === 422 && batch.length > 1) await halves(batch);
    else for (const comment of batch) failed.push({ comment, reason: describeError(error) });
  };
  const halves = async (batch: readonly InlineComment[]): Promise<void> => {
    const half = Math.ceil(batch.length / 2);
    await bisect(batch.slice(0, half));
    await bisect(batch.slice(half));
  };

  const first = await tryPost(comments, true);
  if (first === undefined) return { posted, failed };
  const remaining = comments.filter((comment) => !posted.includes(comment));
  if (statusOf(first) !== 422) {
    for (const comment of remaining) failed.push({ comment, reason: describeError(first) });
    return { posted, failed };
  }
  const { keep, dropped } = await recheck(remaining);
  for (const comment of dropped) {
    failed.push({
      comment,
      reason: `${describeError(first)} (the line is no longer in the pull request's diff)`,
    });
  }
  // The whole of `remaining` was just refused: without a culprit, go straight to its halves.
  if (dropped.length > 0) await bisect(keep);
  else if (remaining.length > 1) await halves(remaining);
  else for (const comment of remaining) failed.push({ comment, reason: describeError(first) });
  return { posted, failed };
}

/**
 * File-level comments, one request each (the review endpoint cannot hold them): each notifies, so the caller
 * keeps them few (MAX_FILE_COMMENTS). Same rules as the review: not retried blindly, 5xx re-listed.
 */
/** After a 5xx, what GitHub did store: the fingerprints of the bot's comments now on the pull request. */
async function postedFingerprints(octokit: GitHubClient, pr: PullRequestRef): Promise<Set<string>> {
  return new Set((await listPostedComments(octokit, pr)).map((comment) => comment.fingerprint));
}

export async function postFileComments(
  octokit: GitHubClient,
  pr: PullRequestRef,
  comments: readonly FileComment[],
): Promise<Outcome<FileComment>> {
  const posted: FileComment[] = [];
  const failed: { comment: FileComment; reason: string }[] = [];
  for (const comment of comments) {
    try {
      await octokit.rest.pulls.createReviewComment({
        owner: pr.owner,
        repo: pr.repo,
        pull_number: pr.number,
        commit_id: pr.headSha,
        path: comment.path,
        body: comment.body,
        subject_type: 'file',
        request: { retries: 0 },
      });
      posted.push(comment);
    } catch (error) {
      const status = statusOf(error);
      if (isServerError(status)) {
        if ((await postedFingerprints(octokit, pr)).has(comment.fingerprint)) posted.push(comment);
        else failed.push({ comment, reason: describeError(error) });
      } else if (status === 422) {
        failed.push({ comment, reason: describeError(error) });
      } else {
        throw error;
      }
    }
  }
  return { posted, failed };
}

/**
 * Comments whose finding is gone: deleted when nobody replied (nothing of value is lost), otherwise their
 * thread is resolved through GraphQL so the discussion stays readable. Best effort: a failure is reported,
 * except a refused permission, which the caller turns into the fallback.
 */
export async function cleanUpFixed(
  octokit: GitHubClient,
  pr: PullRequestRef,
  fixed: readonly PostedComment[],
): Promise<{ deleted: number; resolved: number; problems: string[] }> {
  const problems: string[] = [];
  let deleted = 0;
  let resolved = 0;
  const toResolve = fixed.filter((comment) => comment.hasReplies);
  for (const comment of fixed.filter((candidate) => !candidate.hasReplies)) {
    try {
      await octokit.rest.pulls.deleteReviewComment({
        owner: pr.owner,
        repo: pr.repo,
        comment_id: comment.id,
      });
      deleted++;
    } catch (error) {
      if (statusOf(error) === 403 && isPermissionError(error)) throw error;
      // 404: someone deleted it already, which is what we wanted.
      if (statusOf(error) !== 404)
        problems.push(`could not delete the fixed comment on ${comment.path} (${describeError(error)})`);
    }
  }
  if (toResolve.length === 0) return { deleted, resolved, problems };
  try {
    const threads = await reviewThreads(octokit, pr);
    for (const comment of toResolve) {
      const thread = threads.find((candidate) => candidate.firstCommentId === comment.id);
      if (!thread || thread.isResolved) continue;
      await octokit.graphql(
        'mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }',
        { threadId: thread.id },
      );
      resolved++;
    }
  } catch (error) {
    problems.push(`could not resolve the threads of fixed findings (${describeError(error)})`);
  }
  return { deleted, resolved, problems };
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
