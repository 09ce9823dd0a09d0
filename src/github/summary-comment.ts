/**
 * The sticky summary: one PR (issue) comment found by its marker and edited in place, never re-posted.
 * When concurrent runs created two, the later duplicates are deleted (github-api.md §5.3).
 */
import { type GitHubClient, isServerError, statusOf } from './client.js';
import type { PullRequestRef } from './pull-request.js';

export const SUMMARY_MARKER = '<!-- dockerfile-review:summary -->';

export type SummaryOutcome = 'created' | 'updated' | 'unchanged' | 'not needed';

export async function upsertSummaryComment(
  octokit: GitHubClient,
  pr: PullRequestRef,
  markdown: string,
  /** False when there is nothing to say: an existing comment is still brought up to date, none is created. */
  createIfMissing = true,
): Promise<SummaryOutcome> {
  const body = `${markdown}\n\n${SUMMARY_MARKER}`;
  const ours = await findSummaryComments(octokit, pr);
  const [first, ...duplicates] = ours;
  for (const duplicate of duplicates) {
    // Errors propagate unchanged: a 403 here is the read-only token, and the caller falls back on it.
    await octokit.rest.issues.deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: duplicate.id });
  }
  if (first) {
    if (first.body === body) return 'unchanged';
    await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: first.id, body });
    return 'updated';
  }
  if (!createIfMissing) return 'not needed';
  const create = () =>
    octokit.rest.issues.createComment({
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      body,
      // Not retried blindly: a 5xx may come after the comment was stored.
      request: { retries: 0 },
    });
  try {
    await create();
  } catch (error) {
    if (!isServerError(statusOf(error))) throw error;
    // Look before writing again: a second sticky comment is exactly what this module exists to prevent.
    if ((await findSummaryComments(octokit, pr)).length === 0) await create();
  }
  return 'created';
}

async function findSummaryComments(
  octokit: GitHubClient,
  pr: PullRequestRef,
): Promise<{ id: number; body: string }[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  // The marker must end the body: a person quoting it mid-comment does not make their comment ours.
  return comments
    .filter((comment) => (comment.body ?? '').trimEnd().endsWith(SUMMARY_MARKER))
    .map((comment) => ({ id: comment.id, body: comment.body ?? '' }));
}
