/**
 * One run of the action: find the Dockerfiles, lint them, place each finding against the diff, then report
 * through every channel the token allows. Pull request events get inline review comments, a sticky summary
 * and a check run; other events (push, workflow_dispatch, schedule) lint the workspace and report with a
 * check run, annotations and the job summary. Every failure to write degrades to the next channel and is
 * written down in `notes.problems`, which the summary shows: no finding is ever lost.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, type Config, configPolicy, DEFAULT_CONFIG } from './config/config.js';
import { dockerignoreFor } from './config/dockerignore.js';
import { loadConfig } from './config/load.js';
import { isReported, placeFinding, singleLineTarget, suggestionTarget } from './diff/filter.js';
import { parsePatch } from './diff/patch.js';
import { dockerfileMatcher, findDockerfiles, globMatcher } from './discover.js';
import { type LintOptions, lintText, prepareEngine } from './engine/lint.js';
import { describeError, type GitHubClient } from './github/client.js';
import { COMMENT_BODY_MAX, MAX_FILE_COMMENTS } from './github/limits.js';
import {
  type ChangedFile,
  listChangedFiles,
  type PullRequestRef,
  readFileAt,
} from './github/pull-request.js';
import {
  cleanUpFixed,
  type FileComment,
  type InlineComment,
  listPostedComments,
  type Outcome,
  postFileComments,
  postReview,
  type Recheck,
} from './github/review.js';
import { findingFingerprints } from './report/fingerprint.js';
import { inlineCommentBody, reviewBody } from './report/pr-markdown.js';
import { lineSuggestion } from './report/suggestion.js';
import type { PlacedFinding, ReviewedFile } from './review-model.js';
import { allRules } from './rules/index.js';
import type { Settings } from './settings.js';

export interface RunContext {
  readonly workspace: string;
  readonly log: (line: string) => void;
}

export interface LintedRun {
  readonly files: ReviewedFile[];
  readonly findings: PlacedFinding[];
  readonly problems: string[];
  /** Set when the run stopped early on purpose (the PR's head moved on). */
  readonly stoppedBecause?: string;
  /** Comments (inline and file-level) posted in this run. */
  posted: number;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Content reads in flight at once: 300 Dockerfiles read one after the other cost 300 round trips (a minute on
 * a slow day); GitHub allows 100 concurrent requests (github-api.md §2) and the throttling plugin 10.
 */
const CONCURRENT_READS = 8;

/** `map` with at most `limit` calls in flight; results in the order of `items`. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface RunConfig {
  readonly config: Config;
  /** The build context whose `.dockerignore` the rules read. */
  readonly contextDir: string;
}

/**
 * The config file: the `config` input, else `.dockerfile-review.yml` at the workspace root only. Unlike the
 * CLI, the action does not climb into parent folders: without a checkout (`pull_request_target`) those are
 * the runner's, and a file found there would not be the repository's.
 */
function runConfig(settings: Settings, context: RunContext): RunConfig {
  const path =
    settings.configPath ??
    CONFIG_FILE_NAMES.map((name) => join(context.workspace, name)).find((candidate) => existsSync(candidate));
  const loaded = path
    ? loadConfig(allRules, { path, cwd: context.workspace })
    : { config: DEFAULT_CONFIG, path: null };
  const base = loaded.path ? dirname(loaded.path) : context.workspace;
  return { config: loaded.config, contextDir: resolve(base, loaded.config.buildContext) };
}

/** What the engine gets for one file: the config's rule settings, size cap and policy, and the file's `.dockerignore`. */
export function lintOptions({ config, contextDir }: RunConfig, workspace: string, path: string): LintOptions {
  return {
    rules: allRules,
    ruleSettings: config.rules,
    maxFileSize: config.maxFileSize,
    policy: configPolicy(config),
    // The workspace's ignore file, also on pull requests: it is data, and reading it costs no request.
    dockerignore: dockerignoreFor(join(workspace, path), contextDir),
  };
}

/** Pull request flow, steps 1-3 of the issue: head check, changed Dockerfiles read at the head SHA, lint, place. */
export async function lintPullRequest(
  octokit: GitHubClient,
  pr: PullRequestRef,
  current: { readonly headSha: string; readonly changedFiles: number },
  settings: Settings,
  context: RunContext,
): Promise<LintedRun> {
  const problems: string[] = [];
  // The shell parser loads while the file list is fetched: after the first request, off the cold start (issue 5).
  const engineReady = prepareEngine();
  engineReady.catch(() => undefined); // awaited below; an early return must not leave a rejection unhandled
  const head = current.headSha;
  if (head !== pr.headSha) {
    return {
      files: [],
      findings: [],
      problems,
      posted: 0,
      stoppedBecause: `the pull request's head moved from ${pr.headSha.slice(0, 7)} to ${head.slice(0, 7)} since this event; the run for the new head reviews it`,
    };
  }
  const config = runConfig(settings, context);
  const isWanted = dockerfileMatcher(settings.files);
  const ignored = globMatcher(config.config.ignorePaths);
  const listed = await listChangedFiles(octokit, pr);
  await engineReady;
  if (current.changedFiles > listed.length) {
    problems.push(
      `GitHub lists only the first ${listed.length.toLocaleString('en-US')} of the ${current.changedFiles.toLocaleString('en-US')} files this pull request changes: Dockerfiles among the others were not reviewed (a push event or the CLI lints them all).`,
    );
  }
  const changed = listed.filter(
    (file) => file.status !== 'removed' && isWanted(file.path) && !ignored(file.path),
  );
  const files: ReviewedFile[] = [];
  const findings: PlacedFinding[] = [];
  let fromWorkspace = 0;
  const reviewed = await mapConcurrently(changed, CONCURRENT_READS, (file) =>
    reviewChangedFile(octokit, pr, file, config, context, problems),
  );
  for (const entry of reviewed) {
    if (entry.fromWorkspace) fromWorkspace++;
    files.push(entry.file);
    findings.push(...placeAll(entry.file, true));
  }
  context.log(
    `The pull request changes ${changed.length} Dockerfile(s); ${changed.length - fromWorkspace} read through the API at ${pr.headSha.slice(0, 7)}, ${fromWorkspace} from the workspace (same blob).`,
  );
  return { files, findings, problems, posted: 0 };
}

async function reviewChangedFile(
  octokit: GitHubClient,
  pr: PullRequestRef,
  file: ChangedFile,
  config: RunConfig,
  context: RunContext,
  problems: string[],
): Promise<{ file: ReviewedFile; fromWorkspace: boolean }> {
  const patch = file.patch === undefined ? undefined : parsePatch(file.patch);
  let text = workspaceCopy(context.workspace, file.path, file.blobSha);
  const fromWorkspace = text !== undefined;
  if (text === undefined) {
    try {
      text = await readFileAt(octokit, pr, file.path);
    } catch (error) {
      const reason = `could not read ${file.path} at the head commit (${describeError(error)})`;
      problems.push(reason);
      return { file: { path: file.path, result: null, skipped: reason, patch }, fromWorkspace };
    }
  }
  const result = lintText(text, lintOptions(config, context.workspace, file.path));
  return { file: { path: file.path, result, patch }, fromWorkspace };
}

/**
 * The workspace's copy of `path` when it is byte for byte the head's blob (same git blob SHA), else undefined.
 * The checkout is usually another commit (the test merge under `pull_request`, the base branch under
 * `pull_request_target`, or none), so only an identical blob saves the request. Symbolic links are not
 * followed: the file is PR data and must not reach outside the workspace.
 */
function workspaceCopy(workspace: string, path: string, blobSha: string | null): string | undefined {
  if (!blobSha) return undefined;
  const root = resolve(workspace);
  const full = resolve(root, path);
  if (!full.startsWith(root + sep)) return undefined;
  try {
    if (!lstatSync(full).isFile()) return undefined;
    const bytes = readFileSync(full);
    const sha = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    return sha === blobSha ? bytes.toString('utf8') : undefined;
  } catch {
    return undefined; // absent or unreadable: the API has it
  }
}

/** Push, workflow_dispatch and schedule: every matching Dockerfile in the workspace, nothing placed on a diff. */
export function lintWorkspace(settings: Settings, context: RunContext): LintedRun {
  const config = runConfig(settings, context);
  const problems: string[] = [];
  const files: ReviewedFile[] = [];
  const findings: PlacedFinding[] = [];
  const found = findDockerfiles(context.workspace, settings.files, config.config.ignorePaths, {
    onUnreadable: (path, error) =>
      problems.push(`could not read the folder ${path} (${describeError(error)})`),
  });
  const root = realpathSync(context.workspace);
  for (const path of found) {
    let reviewed: ReviewedFile;
    try {
      // A link may point anywhere on the runner: only a target inside the checkout is repository content.
      const target = realpathSync(join(context.workspace, path));
      if (!target.startsWith(root + sep)) {
        const reason = `${path} is a symbolic link to a file outside the workspace, so it was not read`;
        problems.push(reason);
        files.push({ path, result: null, skipped: reason });
        continue;
      }
      const text = readFileSync(target, 'utf8');
      reviewed = { path, result: lintText(text, lintOptions(config, context.workspace, path)) };
    } catch (error) {
      const reason = `could not read ${path} (${describeError(error)})`;
      problems.push(reason);
      reviewed = { path, result: null, skipped: reason };
    }
    files.push(reviewed);
    findings.push(...placeAll(reviewed, false));
  }
  return { files, findings, problems, posted: 0 };
}

function placeAll(file: ReviewedFile, inPullRequest: boolean): PlacedFinding[] {
  if (!file.result) return [];
  const fingerprints = findingFingerprints({ path: file.path, ...file.result });
  return file.result.findings.map((finding, index) => ({
    path: file.path,
    finding,
    placement: inPullRequest ? placeFinding(file.patch, true, finding) : 'file',
    fingerprint: fingerprints[index],
    delivery: 'not-posted',
  }));
}

type Target =
  | { readonly kind: 'line'; comment: InlineComment }
  | { readonly kind: 'file'; comment: FileComment };

/**
 * Steps 4-5: reconcile with the bot's earlier comments, post one review with the new in-filter comments
 * (up to max-comments), file-level comments for findings no diff line can hold, and clean up the comments
 * of fixed findings. Throws a permission error unchanged, so the caller can fall back to annotations.
 */
export async function reviewPullRequest(
  octokit: GitHubClient,
  pr: PullRequestRef,
  run: LintedRun,
  settings: Settings,
  log: (line: string) => void = () => {},
): Promise<void> {
  const previous = await listPostedComments(octokit, pr);
  const standing = new Set(
    previous.filter((comment) => !comment.outdated).map((comment) => comment.fingerprint),
  );
  const sources = new Map(run.files.map((file) => [file.path, file]));
  const inline: { placed: PlacedFinding; comment: InlineComment }[] = [];
  const fileLevel: { placed: PlacedFinding; comment: FileComment }[] = [];

  const ordered = [...run.findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
      a.path.localeCompare(b.path) ||
      a.finding.line - b.finding.line,
  );
  for (const placed of ordered) {
    const file = sources.get(placed.path);
    // GitHub omitted the file's patch (too large): which lines changed is unknown, so every finding counts
    // as on the change, and a file-level comment is the only way to show it on the pull request.
    const patchOmitted = file !== undefined && file.patch === undefined;
    if (!isReported(placed.placement, settings.filterMode) && !patchOmitted) {
      placed.delivery = 'outside-filter';
      continue;
    }
    if (standing.has(placed.fingerprint)) {
      placed.delivery = 'already-posted';
      continue;
    }
    const target = file?.result ? commentFor(placed, file, settings) : undefined;
    if (!target) {
      placed.delivery = 'not-commentable';
      continue;
    }
    if (
      inline.length + fileLevel.length >= settings.maxComments ||
      (target.kind === 'file' && fileLevel.length >= MAX_FILE_COMMENTS)
    ) {
      placed.delivery = 'over-limit';
      continue;
    }
    if (target.kind === 'line') inline.push({ placed, comment: target.comment });
    else fileLevel.push({ placed, comment: target.comment });
  }

  const rejected: string[] = [];
  // What GitHub took is delivered; what it refused goes to the summary with GitHub's reason.
  const record = <T>(entries: readonly { placed: PlacedFinding; comment: T }[], outcome: Outcome<T>) => {
    const posted = new Set(outcome.posted);
    const reasons = new Map(outcome.failed.map((failure) => [failure.comment, failure.reason]));
    for (const entry of entries) {
      if (posted.has(entry.comment)) entry.placed.delivery = 'inline';
      const reason = reasons.get(entry.comment);
      if (reason !== undefined) {
        entry.placed.delivery = 'rejected';
        entry.placed.reason = reason;
      }
    }
    run.posted += outcome.posted.length;
    rejected.push(...outcome.failed.map((failure) => failure.reason));
  };
  if (inline.length > 0) {
    const commented = new Set([...inline, ...fileLevel].map((entry) => entry.placed));
    const notCommented = run.findings.filter(
      (placed) => placed.delivery !== 'already-posted' && !commented.has(placed),
    ).length;
    const outcome = await postReview(
      octokit,
      pr,
      inline.map((entry) => entry.comment),
      reviewBody({ inline: inline.length, elsewhere: notCommented }),
      recheckAgainstDiff(octokit, pr),
    );
    record(inline, outcome);
    log(`Posted one review with ${outcome.posted.length} inline comment(s).`);
  }
  if (fileLevel.length > 0) {
    const outcome = await postFileComments(
      octokit,
      pr,
      fileLevel.map((entry) => entry.comment),
    );
    record(fileLevel, outcome);
    log(`Posted ${outcome.posted.length} file-level comment(s).`);
  }
  if (rejected.length > 0) {
    run.problems.push(
      `GitHub rejected ${rejected.length} comment(s) (${rejected[0]}); they are listed in this summary instead.`,
    );
  }

  const current = new Set(run.findings.map((placed) => placed.fingerprint));
  const unread = new Set(run.files.filter((file) => file.result === null).map((file) => file.path));
  // Fixed: no longer reported. Outdated: re-posted above on its new line when still in the filter. A file that
  // could not be read this time keeps its comments: its findings are unknown, not gone.
  const fixed = previous.filter(
    (comment) => (comment.outdated || !current.has(comment.fingerprint)) && !unread.has(comment.path),
  );
  if (fixed.length > 0) {
    const cleaned = await cleanUpFixed(octokit, pr, fixed);
    run.problems.push(...cleaned.problems);
    log(
      `Cleaned up after fixed or moved findings: ${cleaned.deleted} comment(s) deleted, ${cleaned.resolved} thread(s) resolved.`,
    );
  }
}

/**
 * After a 422, the diff GitHub checks comments against is not the one they were placed on (it changed since
 * it was listed): re-list the files once and keep the comments whose lines the fresh patches still show.
 */
function recheckAgainstDiff(octokit: GitHubClient, pr: PullRequestRef): Recheck {
  return async (comments) => {
    const fresh = new Map(
      (await listChangedFiles(octokit, pr)).map((file) => [
        file.path,
        file.patch === undefined ? undefined : parsePatch(file.patch),
      ]),
    );
    const keep: InlineComment[] = [];
    const dropped: InlineComment[] = [];
    for (const comment of comments) {
      const patch = fresh.get(comment.path);
      const span = { line: comment.startLine ?? comment.line, endLine: comment.line };
      const target =
        comment.startLine === undefined ? singleLineTarget(patch, span) : suggestionTarget(patch, span);
      (target?.line === comment.line ? keep : dropped).push(comment);
    }
    return { keep, dropped };
  };
}

function commentFor(placed: PlacedFinding, file: ReviewedFile, settings: Settings): Target | undefined {
  const source = file.result?.source;
  if (!source) return undefined;
  const { finding } = placed;
  const fix = finding.fix;
  if (settings.suggestions && fix?.safety === 'safe') {
    const suggestion = lineSuggestion(source, fix);
    const target =
      suggestion && suggestionTarget(file.patch, { line: suggestion.line, endLine: suggestion.endLine });
    const body = suggestion && target ? inlineCommentBody(placed, suggestion.text) : undefined;
    // A suggestion as long as the instruction it rewrites can outgrow GitHub's body limit: then prose only.
    if (target && body !== undefined && body.length <= COMMENT_BODY_MAX) {
      return {
        kind: 'line',
        comment: { path: placed.path, fingerprint: placed.fingerprint, ...target, body },
      };
    }
  }
  const target = suggestionTarget(file.patch, finding) ?? singleLineTarget(file.patch, finding);
  if (target) {
    return {
      kind: 'line',
      comment: {
        path: placed.path,
        fingerprint: placed.fingerprint,
        ...target,
        body: inlineCommentBody(placed, undefined),
      },
    };
  }
  if (placed.placement !== 'file') return undefined;
  return {
    kind: 'file',
    comment: {
      path: placed.path,
      fingerprint: placed.fingerprint,
      body: inlineCommentBody(placed, undefined, { fileLevel: true }),
    },
  };
}
