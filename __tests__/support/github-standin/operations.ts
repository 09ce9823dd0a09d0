/**
 * The REST operations the stand-in serves. This list is the single source of truth for both the
 * extractor (which copies exactly these operations out of GitHub's OpenAPI description) and the
 * server (which routes by the extracted subset), so the two can never drift apart.
 */
export interface ServedOperation {
  /** Path template exactly as in GitHub's OpenAPI description. */
  path: string;
  method: 'get' | 'post' | 'patch' | 'delete';
}

export const SERVED_OPERATIONS: readonly ServedOperation[] = [
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}', method: 'get' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/files', method: 'get' },
  { path: '/repos/{owner}/{repo}/contents/{path}', method: 'get' },
  { path: '/repos/{owner}/{repo}/git/blobs/{file_sha}', method: 'get' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', method: 'get' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', method: 'post' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', method: 'get' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}', method: 'delete' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events', method: 'post' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments', method: 'get' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments', method: 'get' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments', method: 'post' },
  { path: '/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies', method: 'post' },
  { path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}', method: 'get' },
  { path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}', method: 'patch' },
  { path: '/repos/{owner}/{repo}/pulls/comments/{comment_id}', method: 'delete' },
  { path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', method: 'get' },
  { path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', method: 'post' },
  { path: '/repos/{owner}/{repo}/issues/comments/{comment_id}', method: 'get' },
  { path: '/repos/{owner}/{repo}/issues/comments/{comment_id}', method: 'patch' },
  { path: '/repos/{owner}/{repo}/issues/comments/{comment_id}', method: 'delete' },
  { path: '/repos/{owner}/{repo}/check-runs', method: 'post' },
  { path: '/repos/{owner}/{repo}/check-runs/{check_run_id}', method: 'get' },
  { path: '/repos/{owner}/{repo}/check-runs/{check_run_id}', method: 'patch' },
  { path: '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', method: 'get' },
  { path: '/repos/{owner}/{repo}/commits/{ref}/check-runs', method: 'get' },
  // Served only to reproduce GitHub's 403 for GITHUB_TOKEN (an installation token has no user).
  { path: '/user', method: 'get' },
];
