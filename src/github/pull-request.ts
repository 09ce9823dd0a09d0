/**
 * Reading a pull request: its head commit, its changed files (all pages, GitHub's 3,000 at most) and the
 * Dockerfiles' text at the head SHA, through the API only, so no checkout is needed and the action is
 * safe under `pull_request_target`: PR content is fetched as data and never run.
 */
import type { GitHubClient } from './client.js';

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  /** `pull_request.head.sha` from the event: never GITHUB_SHA, which is the test merge commit. */
  readonly headSha: string;
  readonly isFork: boolean;
}

export interface ChangedFile {
  readonly path: string;
  readonly previousPath: string | null;
  readonly status: string;
  /** Git blob SHA of the file at the head (null when GitHub gives none): tells whether a local copy is the same. */
  readonly blobSha: string | null;
  /** Absent when GitHub omitted it (binary or too large): findings are then reported at file level. */
  readonly patch: string | undefined;
}

/** List PR files: 100 per page (the maximum), and GitHub never returns more than 3,000 (github-api.md §1.2). */
export const FILES_PER_PAGE = 100;
export const MAX_PR_FILES = 3000;

interface PullRequestPayload {
  number?: number;
  head?: { sha?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } };
}

export function pullRequestFromEvent(
  payload: Record<string, unknown>,
  repository: { owner: string; repo: string },
): PullRequestRef | null {
  const pr = payload.pull_request as PullRequestPayload | undefined;
  if (!pr?.head?.sha || typeof pr.number !== 'number') return null;
  const headRepo = pr.head.repo?.full_name;
  const baseRepo = pr.base?.repo?.full_name ?? `${repository.owner}/${repository.repo}`;
  return {
    ...repository,
    number: pr.number,
    headSha: pr.head.sha,
    isFork: headRepo !== undefined && headRepo !== baseRepo,
  };
}

/**
 * The PR as it is now: its head SHA (when it moved on since the event, a newer run owns the review) and how
 * many files it changes (List PR files stops at 3,000).
 */
export async function currentPullRequest(
  octokit: GitHubClient,
  pr: PullRequestRef,
): Promise<{ headSha: string; changedFiles: number }> {
  const { data } = await octokit.rest.pulls.get({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
  return { headSha: data.head.sha, changedFiles: data.changed_files };
}

export async function listChangedFiles(octokit: GitHubClient, pr: PullRequestRef): Promise<ChangedFile[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: FILES_PER_PAGE,
  });
  return files.map((file) => ({
    path: file.filename,
    previousPath: file.previous_filename ?? null,
    status: file.status,
    blobSha: file.sha ?? null,
    patch: file.patch,
  }));
}

/** A file's text at a commit, decoded from the contents API's base64. */
export async function readFileAt(octokit: GitHubClient, pr: PullRequestRef, path: string): Promise<string> {
  const { data } = await octokit.rest.repos.getContent({
    owner: pr.owner,
    repo: pr.repo,
    path,
    ref: pr.headSha,
  });
  if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
    throw new Error(
      `${path} is not a regular file at ${pr.headSha.slice(0, 7)} (it is a ${Array.isArray(data) ? 'directory' : data.type})`,
    );
  }
  if (data.encoding !== 'base64') throw new Error(`${path} is over the contents API's 1 MB limit`);
  return Buffer.from(data.content, 'base64').toString('utf8');
}
