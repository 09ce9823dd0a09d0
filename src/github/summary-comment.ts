/**
 * The sticky summary: one PR (issue) comment found by its marker and edited in place, never re-posted.
 * When concurrent runs created two, the later duplicates are deleted (github-api.md §5.3).
 */
import { type GitHubClient, describeError } from './client.js';
import type { PullRequestRef } from './pull-request.js';

export const SUMMARY_MARKER = '<!-- dockerfile-review:summary -->';

export type SummaryOutcome = 'created' | 'updated' | 'unchanged';

export async function upsertSummaryComment(
  octokit: GitHubClient,
  pr: PullRequestRef,
  markdown: string,
): Promise<SummaryOutcome> {
  const body = `${markdown}\n\n${SUMMARY_MARKER}`;
  const ours = await findSummaryComments(octokit, pr);
  const [first, ...duplicates] = ours;
  for (const duplicate of duplicates) {
    await octokit.rest.issues
      .deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: duplicate.id })
      .catch((error: unknown) => {
        throw new Error(`could not delete a duplicate summary comment (${describeError(error)})`);
      });
  }
  if (first) {
    if (first.body === body) return 'unchanged';
    await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: first.id, body });
    return 'updated';
  }
  // Not retried blindly: a 5xx may still have created it, and the next run finds it by its marker.
  await octokit.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body,
    request: { retries: 0 },
  });
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
