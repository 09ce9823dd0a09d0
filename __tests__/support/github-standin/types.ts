/** Public types of the GitHub API stand-in. Record fields use GitHub's own names so tests read like the API. */
import type { Side } from './diff.js';

export type { Side };

export interface PullRequestFixture {
  owner: string;
  repo: string;
  number: number;
  /** path -> content at the base commit */
  base: Record<string, string>;
  /** path -> content at the head commit (absent = removed) */
  head: Record<string, string>;
  /** new path -> old path */
  renames?: Record<string, string>;
  /** For fork PRs (default `owner/repo`). */
  headRepoFullName?: string;
  title?: string;
  /** PR description (default empty). */
  body?: string;
  /** Branch names (default `main` and `feature`); `?ref=` accepts them as well as SHAs. */
  baseRef?: string;
  headRef?: string;
  /** PR author login (default `octocat`). */
  author?: string;
  draft?: boolean;
}

export interface StandInOptions {
  /** The token that may read and write (default `ghs_standin_token`). Any other token gets 401. */
  token?: string;
  /**
   * A token that may only read: every REST write answers 403 "Resource not accessible by
   * integration" (fork PRs under `pull_request`). A string adds a second, read-only token; `true`
   * makes `token` itself read-only.
   */
  readOnlyToken?: string | true;
  /** Login the token acts as (default `github-actions[bot]`, the GITHUB_TOKEN identity). */
  botLogin?: string;
  /** Omit `patch` for files with more changed lines than this (default 2000; GitHub's exact cut-off is undocumented). */
  omitPatchOver?: number;
  /** List PR files stops after this many (GitHub: 3000). */
  maxListedFiles?: number;
  /** `x-ratelimit-limit` for REST (default 1000, GITHUB_TOKEN's per-repository budget). */
  rateLimit?: number;
  /** Clock for timestamps (default: real time). */
  clock?: () => Date;
  /** Prefix of `html_url` values (default `https://github.com`). */
  serverUrl?: string;
  /** Validate requests against the OpenAPI subset (default true). */
  validateRequests?: boolean;
  /** Override the location of openapi-subset.json. */
  openapiSubsetPath?: string;
}

export interface UserJson {
  login: string;
  id: number;
  node_id: string;
  avatar_url: string;
  gravatar_id: string;
  url: string;
  html_url: string;
  type: 'User' | 'Bot';
  site_admin: boolean;
}

export type ReviewState = 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';

export interface ReviewRecord {
  id: number;
  node_id: string;
  user: UserJson;
  body: string;
  state: ReviewState;
  commit_id: string;
  submitted_at: string | null;
  /** Ids of the review comments created with this review. */
  comment_ids: number[];
}

export interface ReviewCommentRecord {
  id: number;
  node_id: string;
  pull_request_review_id: number;
  /** Root comment of the thread when this is a reply (GitHub flattens replies to replies). */
  in_reply_to_id: number | null;
  path: string;
  /** Null once the comment is outdated by a push (GitHub keeps `original_line`). */
  line: number | null;
  side: Side | null;
  start_line: number | null;
  start_side: Side | null;
  original_line: number | null;
  original_start_line: number | null;
  position: number | null;
  original_position: number | null;
  subject_type: 'line' | 'file';
  body: string;
  user: UserJson;
  commit_id: string;
  original_commit_id: string;
  diff_hunk: string;
  created_at: string;
  updated_at: string;
}

export interface IssueCommentRecord {
  id: number;
  node_id: string;
  body: string;
  user: UserJson;
  created_at: string;
  updated_at: string;
}

export interface AnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column: number | null;
  end_column: number | null;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string | null;
  raw_details: string | null;
}

export interface CheckRunRecord {
  id: number;
  node_id: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string;
  completed_at: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation received, in order, across create and all updates. */
  annotations: AnnotationRecord[];
  /** Number of PATCH requests applied. */
  updates: number;
}

export interface ThreadRecord {
  /** GraphQL node id (`PRRT_...`). */
  id: string;
  root_comment_id: number;
  isResolved: boolean;
  resolvedBy: string | null;
}

export interface MinimizedRecord {
  subjectId: string;
  kind: 'review_comment' | 'issue_comment';
  commentId: number;
  classifier: string;
}

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path with the query string. */
  url: string;
  /** OpenAPI operationId (`pulls/create-review`), `graphql`, or undefined when unrouted. */
  operationId: string | undefined;
  status: number;
  /** Parsed JSON body (or the raw text when it was not JSON). */
  body: unknown;
  /** A few request headers; `authorization` is always recorded as "***", never the token. */
  headers: Record<string, string>;
  /** Which fault, if any, shaped the answer. */
  fault?: 'secondary-rate-limit' | 'primary-rate-limit' | 'server-error' | 'after-commit';
}

export interface StandInState {
  reviews: ReviewRecord[];
  /** Live review comments (deleted ones are removed, their ids kept in `deletedReviewCommentIds`). */
  reviewComments: ReviewCommentRecord[];
  issueComments: IssueCommentRecord[];
  checkRuns: CheckRunRecord[];
  threads: ThreadRecord[];
  minimized: MinimizedRecord[];
  deletedReviewCommentIds: number[];
  deletedIssueCommentIds: number[];
  requests: RecordedRequest[];
}

export interface FaultMatcher {
  /** HTTP method to match (default: any; `failAfterCommitNext` defaults to POST). */
  method?: string;
  /** Substring of, or RegExp tested against, the request path (without query). */
  pathPattern?: string | RegExp;
}

export interface FaultControls {
  /** Next n matching requests: secondary rate limit (403 by default, or 429) with `retry-after`. */
  rateLimitNext(n: number, retryAfterSeconds?: number, options?: FaultMatcher & { status?: 403 | 429 }): void;
  /** Next n matching requests: primary limit exhausted (`x-ratelimit-remaining: 0`, reset in N s). */
  primaryRateLimitNext(n: number, resetInSeconds: number, options?: FaultMatcher): void;
  /** Next n matching requests fail with a 5xx (default 502) before doing anything. */
  serverErrorNext(n: number, options?: FaultMatcher & { status?: 500 | 502 | 503 | 504 }): void;
  /** Next n matching requests do their work (content is created) and then answer a 5xx (default 502). */
  failAfterCommitNext(n: number, options?: FaultMatcher & { status?: 500 | 502 | 503 | 504 }): void;
  /** Faults not yet consumed. */
  pending(): number;
  clear(): void;
}

export interface DiffEntry {
  sha: string | null;
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  additions: number;
  deletions: number;
  changes: number;
  blob_url: string;
  raw_url: string;
  contents_url: string;
  patch?: string;
  previous_filename?: string;
}

export interface StandIn {
  /** Base URL, used as GITHUB_API_URL. */
  readonly url: string;
  /** `${url}/graphql`, used as GITHUB_GRAPHQL_URL. */
  readonly graphqlUrl: string;
  readonly token: string;
  /** Current head commit (changes with pushHead). */
  readonly headSha: string;
  readonly baseSha: string;
  readonly state: StandInState;
  readonly faults: FaultControls;
  /** The PR's changed files as List PR files returns them (uncapped, with patches). */
  files(): DiffEntry[];
  /** Simulates a push: new head SHA, recomputed patches; comments no longer on the diff become outdated. Returns the new SHA. */
  pushHead(newHead: Record<string, string>, renames?: Record<string, string>): string;
  /** A human reply in the thread of `commentId`. */
  addReply(commentId: number, body: string, user?: string): ReviewCommentRecord;
  /** A human issue comment on the PR. */
  addIssueComment(body: string, user?: string): IssueCommentRecord;
  /** Event payload (`GITHUB_EVENT_PATH` content) for a `pull_request` event on the current head. */
  eventPayload(action?: string): Record<string, unknown>;
  close(): Promise<void>;
}
