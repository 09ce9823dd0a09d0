/**
 * One run of the action: find the Dockerfiles, lint them, place each finding against the diff, then report
 * through every channel the token allows. Pull request events get inline review comments, a sticky summary
 * and a check run; other events (push, workflow_dispatch, schedule) lint the workspace and report with a
 * check run, annotations and the job summary. Every failure to write degrades to the next channel and is
 * written down in `notes.problems`, which the summary shows: no finding is ever lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './config/load.js';
import { isReported, placeFinding, singleLineTarget, suggestionTarget } from './diff/filter.js';
import { parsePatch } from './diff/patch.js';
import { findDockerfiles, globMatcher, isDockerfilePath } from './discover.js';
import { lintText } from './engine/lint.js';
import { type GitHubClient, describeError } from './github/client.js';
import {
  type ChangedFile,
  currentHeadSha,
  listChangedFiles,
  type PullRequestRef,
  readFileAt,
} from './github/pull-request.js';
import { cleanUpFixed, type InlineComment, listPostedComments, postReview } from './github/review.js';
import { findingFingerprints } from './report/fingerprint.js';
import { inlineCommentBody } from './report/pr-markdown.js';
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
  /** Review comments posted in this run, and whether any PR write was refused for lack of permission. */
  posted: number;
  permissionDenied?: string;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function configFor(settings: Settings, context: RunContext) {
  return loadConfig(allRules, { path: settings.configPath ?? undefined, cwd: context.workspace }).config;
}

/** Pull request flow, steps 1-3 of the issue: head check, changed Dockerfiles read at the head SHA, lint, place. */
export async function lintPullRequest(
  octokit: GitHubClient,
  pr: PullRequestRef,
  settings: Settings,
  context: RunContext,
): Promise<LintedRun> {
  const problems: string[] = [];
  const head = await currentHeadSha(octokit, pr);
  if (head !== pr.headSha) {
    return {
      files: [],
      findings: [],
      problems,
      posted: 0,
      stoppedBecause: `the pull request's head moved from ${pr.headSha.slice(0, 7)} to ${head.slice(0, 7)} since this event; the run for the new head reviews it`,
    };
  }
  const config = configFor(settings, context);
  const isIgnored = globMatcher(config.ignorePaths);
  const changed = (await listChangedFiles(octokit, pr)).filter(
    (file) =>
      file.status !== 'removed' && isDockerfilePath(file.path, settings.files) && !isIgnored(file.path),
  );
  const files: ReviewedFile[] = [];
  const findings: PlacedFinding[] = [];
  for (const file of changed) {
    const reviewed = await reviewChangedFile(octokit, pr, file, config, problems);
    files.push(reviewed);
    findings.push(...placeAll(reviewed, true));
  }
  return { files, findings, problems, posted: 0 };
}

async function reviewChangedFile(
  octokit: GitHubClient,
  pr: PullRequestRef,
  file: ChangedFile,
  config: ReturnType<typeof configFor>,
  problems: string[],
): Promise<ReviewedFile> {
  const patch = file.patch === undefined ? undefined : parsePatch(file.patch);
  let text: string;
  try {
    text = await readFileAt(octokit, pr, file.path);
  } catch (error) {
    const reason = `could not read ${file.path} at the head commit (${describeError(error)})`;
    problems.push(reason);
    return { path: file.path, result: null, skipped: reason, patch };
  }
  const result = lintText(text, {
    rules: allRules,
    ruleSettings: config.rules,
    maxFileSize: config.maxFileSize,
  });
  return { path: file.path, result, patch };
}

/** Push, workflow_dispatch and schedule: every matching Dockerfile in the workspace, nothing placed on a diff. */
export function lintWorkspace(settings: Settings, context: RunContext): LintedRun {
  const config = configFor(settings, context);
  const problems: string[] = [];
  const files: ReviewedFile[] = [];
  const findings: PlacedFinding[] = [];
  for (const path of findDockerfiles(context.workspace, settings.files, config.ignorePaths)) {
    let reviewed: ReviewedFile;
    try {
      const text = readFileSync(join(context.workspace, path), 'utf8');
      reviewed = {
        path,
        result: lintText(text, {
          rules: allRules,
          ruleSettings: config.rules,
          maxFileSize: config.maxFileSize,
        }),
      };
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

/**
 * Steps 4-5: reconcile with the bot's earlier comments, post one review with the new in-filter comments
 * (up to max-comments), and clean up the comments of fixed findings. Throws a permission error unchanged,
 * so the caller can fall back to annotations.
 */
export async function reviewPullRequest(
  octokit: GitHubClient,
  pr: PullRequestRef,
  run: LintedRun,
  settings: Settings,
): Promise<void> {
  const previous = await listPostedComments(octokit, pr);
  const standing = new Set(
    previous.filter((comment) => !comment.outdated).map((comment) => comment.fingerprint),
  );
  const sources = new Map(run.files.map((file) => [file.path, file]));
  const candidates: { placed: PlacedFinding; comment: InlineComment }[] = [];

  const ordered = [...run.findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
      a.path.localeCompare(b.path) ||
      a.finding.line - b.finding.line,
  );
  for (const placed of ordered) {
    if (!isReported(placed.placement, settings.filterMode)) {
      placed.delivery = 'outside-filter';
      continue;
    }
    if (standing.has(placed.fingerprint)) {
      placed.delivery = 'already-posted';
      continue;
    }
    const file = sources.get(placed.path);
    const comment = file?.result ? commentFor(placed, file, settings) : undefined;
    if (!comment) {
      placed.delivery = 'not-commentable';
      continue;
    }
    if (candidates.length >= settings.maxComments) {
      placed.delivery = 'over-limit';
      continue;
    }
    candidates.push({ placed, comment });
  }

  if (candidates.length > 0) {
    const outcome = await postReview(
      octokit,
      pr,
      candidates.map((candidate) => candidate.comment),
      reviewBody(candidates.length),
    );
    const postedSet = new Set(outcome.posted);
    for (const candidate of candidates) {
      if (postedSet.has(candidate.comment)) candidate.placed.delivery = 'inline';
    }
    for (const failure of outcome.failed) {
      const candidate = candidates.find((entry) => entry.comment === failure.comment);
      if (candidate) {
        candidate.placed.delivery = 'rejected';
        candidate.placed.reason = failure.reason;
      }
    }
    run.posted = outcome.posted.length;
    if (outcome.failed.length > 0) {
      run.problems.push(
        `GitHub rejected ${outcome.failed.length} inline comment(s) (${outcome.failed[0].reason}); they are listed in this summary instead.`,
      );
    }
  }

  const current = new Set(run.findings.map((placed) => placed.fingerprint));
  const unread = new Set(run.files.filter((file) => file.result === null).map((file) => file.path));
  // Fixed: no longer reported. Outdated: re-posted above on its new line when still in the filter. A file that
  // could not be read this time keeps its comments: its findings are unknown, not gone.
  const fixed = previous.filter(
    (comment) => (comment.outdated || !current.has(comment.fingerprint)) && !unread.has(comment.path),
  );
  run.problems.push(...(await cleanUpFixed(octokit, pr, fixed)));
}

function commentFor(
  placed: PlacedFinding,
  file: ReviewedFile,
  settings: Settings,
): InlineComment | undefined {
  const source = file.result?.source;
  if (!source) return undefined;
  const { finding } = placed;
  const fix = finding.fix;
  if (settings.suggestions && fix?.safety === 'safe') {
    const suggestion = lineSuggestion(source, fix);
    const target =
      suggestion && suggestionTarget(file.patch, { line: suggestion.line, endLine: suggestion.endLine });
    if (suggestion && target) {
      return {
        path: placed.path,
        fingerprint: placed.fingerprint,
        ...target,
        body: inlineCommentBody(placed, suggestion.text),
      };
    }
  }
  const target = suggestionTarget(file.patch, finding) ?? singleLineTarget(file.patch, finding);
  if (!target) return undefined;
  return {
    path: placed.path,
    fingerprint: placed.fingerprint,
    ...target,
    body: inlineCommentBody(placed, undefined),
  };
}

function reviewBody(count: number): string {
  return `dockerfile-review found ${count} new finding${count === 1 ? '' : 's'} on the changed lines. The summary comment lists every finding.`;
}
