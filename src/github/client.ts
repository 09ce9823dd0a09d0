/**
 * The Octokit every GitHub call goes through: retries (5xx, 429) from @octokit/plugin-retry, pacing and
 * rate-limit waits (honouring `retry-after`) from @octokit/plugin-throttling, and a pinned API version.
 * Content-creating POSTs are sent with `retries: 0` by their callers: a 5xx may still have created the
 * content (github-api.md §2), so they re-list and post only what is missing instead.
 */
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** REST calendar version the request shapes were checked against (github-api.md §0). */
export const API_VERSION = '2022-11-28';
/** Secondary-limit retries before a write gives up and the run falls back (github-api.md §8.10). */
const SECONDARY_LIMIT_RETRIES = 2;
/** A primary limit that resets later than this is not waited for: the run reports what it has instead. */
const LONGEST_PRIMARY_WAIT_SECONDS = 60;

export function createClient(token: string, baseUrl: string | undefined): GitHubClient {
  if (token) knownSecrets.add(token);
  const octokit = getOctokit(
    token,
    {
      ...(baseUrl ? { baseUrl } : {}),
      throttle: {
        onRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          core.info(
            `GitHub rate limit reached on ${options.method} ${options.url}; retry after ${retryAfter}s.`,
          );
          return retryCount < 1 && retryAfter <= LONGEST_PRIMARY_WAIT_SECONDS;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          core.info(
            `GitHub secondary rate limit on ${options.method} ${options.url}; waiting ${retryAfter}s as asked.`,
          );
          return retryCount < SECONDARY_LIMIT_RETRIES;
        },
      },
    },
    retry,
    throttling,
  );
  octokit.hook.before('request', (options) => {
    options.headers['x-github-api-version'] = API_VERSION;
  });
  return octokit;
}

/** The status of a failed request, if it was an HTTP error. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** 5xx: GitHub may or may not have done the work (github-api.md §2 "Idempotency hazard"). */
export function isServerError(status: number | undefined): boolean {
  return status !== undefined && status >= 500;
}

/** A write GitHub refuses for lack of permission (fork PRs get a read-only token): never retried. */
export function isPermissionError(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 404) return true;
  if (status !== 403) return false;
  const message = error instanceof Error ? error.message : '';
  return !/rate limit/i.test(message);
}

/** Credentials this process holds: any error text that repeats one is redacted before it is shown. */
const knownSecrets = new Set<string>();

/** GitHub token shapes (classic, fine-grained, app and OAuth tokens), redacted even when not ours. */
const TOKEN_SHAPES = /\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,})\b/g;

export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join('***');
  return out.replace(TOKEN_SHAPES, '***');
}

/** A short, token-free description of a failed request for the summary and the log. */
export function describeError(error: unknown): string {
  const status = statusOf(error);
  // A server may echo the request, token included, in its error body: redact before anything else.
  const raw = redact(error instanceof Error ? error.message : String(error));
  // Octokit errors can embed the request; keep the first line and strip anything that looks like a credential.
  const message = raw
    .split('\n')[0]
    .replace(/(token|bearer)\s+[\w.-]+/gi, '$1 ***')
    // Octokit appends " - <documentation_url>": a link to the endpoint's docs helps nobody reading a summary.
    .replace(/ - https:\/\/docs\.github\.com\S*$/, '')
    .slice(0, 300);
  return status ? `HTTP ${status}: ${message}` : message;
}
