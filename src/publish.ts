/**
 * Reporting a linted run through every channel the token allows, down the fallback ladder of
 * github-api.md §8.9: review + sticky comment + check run; without `pull-requests: write`, the check run;
 * without `checks: write` either (fork PRs under `pull_request`), workflow annotations. The job summary,
 * the log listing, SARIF, JSON, outputs and the exit status happen whatever the token may do, and whatever
 * GitHub answers: a failed write becomes a line of the summary, never a lost report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import type { LintedRun } from './execute.js';
import { reviewPullRequest } from './execute.js';
import { emitAnnotations } from './github/annotations.js';
import { type CheckAnnotation, publishCheckRun } from './github/checks.js';
import { describeError, type GitHubClient, isPermissionError } from './github/client.js';
import { CHECK_SUMMARY_MAX, COMMENT_BODY_MAX, JOB_SUMMARY_MAX_BYTES } from './github/limits.js';
import type { PullRequestRef } from './github/pull-request.js';
import { upsertSummaryComment } from './github/summary-comment.js';
import { formatJsonReport, type ReportedFile } from './report/json.js';
import { summaryMarkdown } from './report/pr-markdown.js';
import { formatSarifReport } from './report/sarif.js';
import { textReport } from './report/text.js';
import { allRules } from './rules/index.js';
import { failsAt, type Settings } from './settings.js';

export interface Target {
  readonly owner: string;
  readonly repo: string;
  readonly headSha: string;
  /** Set on pull request events. */
  readonly pr: PullRequestRef | null;
}

export interface PublishResult {
  readonly failed: boolean;
  readonly counts: { error: number; warning: number; info: number };
}

const PERMISSIONS_HINT =
  'Give the job `permissions: { contents: read, pull-requests: write, checks: write }`; for pull requests from forks, whose token is always read-only under `pull_request`, use `pull_request_target` (this action only reads the PR as data) as the README shows.';

/** UTF-8 takes at most 4 bytes a character: this many characters always fit the job summary's 1 MiB. */
const JOB_SUMMARY_MAX_CHARS = Math.floor(JOB_SUMMARY_MAX_BYTES / 4);

export async function publish(
  octokit: GitHubClient | null,
  target: Target,
  run: LintedRun,
  settings: Settings,
): Promise<PublishResult> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const placed of run.findings) counts[placed.finding.severity]++;
  const failed = run.findings.some((placed) => failsAt(placed.finding.severity, settings.failOn));

  // Latched on the first refused write: nothing more is tried on the pull request (github-api.md §8.9).
  let prWritesDenied: string | null = null;
  if (octokit && target.pr && settings.review) {
    try {
      await reviewPullRequest(octokit, target.pr, run, settings, (line) => core.info(line));
    } catch (error) {
      if (isPermissionError(error)) prWritesDenied = describeError(error);
      else
        run.problems.push(
          `Inline comments could not be posted (${describeError(error)}); every finding is listed here.`,
        );
    }
  }

  const summaryFor = (maxLength: number) =>
    summaryMarkdown(
      {
        files: run.files,
        findings: run.findings,
        problems: prWritesDenied
          ? [
              `Nothing could be written to the pull request: ${prWritesDenied}. ${PERMISSIONS_HINT}`,
              ...run.problems,
            ]
          : run.problems,
        conclusion: { failed, failOn: settings.failOn },
        commit: target.headSha.slice(0, 7),
        withDelivery: target.pr !== null,
      },
      maxLength,
    );

  if (octokit && target.pr && settings.summaryComment && prWritesDenied === null) {
    try {
      // Room for the marker the module appends.
      // A pull request that changes no Dockerfile gets no comment (an earlier one is still updated).
      const worthSaying = run.files.length > 0 || run.problems.length > 0;
      const outcome = await upsertSummaryComment(
        octokit,
        target.pr,
        summaryFor(COMMENT_BODY_MAX - 100),
        worthSaying,
      );
      core.info(`Summary comment ${outcome}.`);
    } catch (error) {
      if (isPermissionError(error)) prWritesDenied = describeError(error);
      else run.problems.push(`The summary comment could not be written (${describeError(error)}).`);
    }
  }

  let checkRunWritten = false;
  if (octokit && settings.checkName) {
    try {
      const url = await publishCheckRun(octokit, {
        owner: target.owner,
        repo: target.repo,
        name: settings.checkName,
        headSha: target.headSha,
        conclusion: failed ? 'failure' : run.findings.length > 0 ? 'neutral' : 'success',
        title:
          run.findings.length === 0
            ? 'No findings'
            : `${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`,
        summary: summaryFor(CHECK_SUMMARY_MAX),
        annotations: run.findings.map(toCheckAnnotation),
      });
      checkRunWritten = true;
      core.info(`Check run ${settings.checkName} written${url ? `: ${url}` : ''}.`);
    } catch (error) {
      run.problems.push(
        `The check run could not be written (${describeError(error)}): the findings are shown as workflow annotations instead.`,
      );
    }
  }

  // Annotations on the workflow run when nothing else puts the findings next to the code: no review (push
  // events, review off, refused) and no check run.
  const reviewMissing = target.pr === null || !settings.review || prWritesDenied !== null;
  if (!checkRunWritten && reviewMissing) {
    const { shown, held } = emitAnnotations(run.findings);
    core.info(
      `${shown} finding(s) shown as workflow annotations${held ? `, ${held} more in the job summary` : ''}.`,
    );
  }
  if (prWritesDenied) {
    // One log line with the why and the fix, instead of a stack of errors; a plain line, not an annotation,
    // so that it takes none of the 10 places per level the findings need.
    core.info(
      `dockerfile-review could not write to the pull request (${prWritesDenied}): findings are reported as annotations and in the job summary. ${PERMISSIONS_HINT}`,
    );
  }

  await writeJobSummary(summaryFor(JOB_SUMMARY_MAX_CHARS));
  logListing(run);
  writeMachineOutputs(run, settings);
  core.setOutput('errors', counts.error);
  core.setOutput('warnings', counts.warning);
  core.setOutput('infos', counts.info);
  core.setOutput('total', run.findings.length);
  core.setOutput('conclusion', failed ? 'failure' : 'success');
  return { failed, counts };
}

function toCheckAnnotation(placed: LintedRun['findings'][number]): CheckAnnotation {
  const { finding } = placed;
  return {
    path: placed.path,
    startLine: finding.line,
    endLine: finding.endLine,
    startColumn: finding.column,
    endColumn: finding.endColumn,
    level: finding.severity === 'error' ? 'failure' : finding.severity === 'warning' ? 'warning' : 'notice',
    title: finding.ruleId,
    message: finding.message,
  };
}

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    core.info(`note: the job summary could not be written (${describeError(error)}).`);
  }
}

function logListing(run: LintedRun): void {
  const files = run.files
    .filter((file) => file.result)
    .map((file) => ({ path: file.path, findings: file.result?.findings ?? [] }));
  for (const line of textReport(files).trimEnd().split('\n')) core.info(line);
  for (const problem of run.problems) core.info(`note: ${problem}`);
}

function reportedFiles(run: LintedRun): ReportedFile[] {
  return run.files.flatMap((file) => (file.result ? [{ path: file.path, ...file.result }] : []));
}

function writeMachineOutputs(run: LintedRun, settings: Settings): void {
  const files = reportedFiles(run);
  if (settings.sarifFile) {
    mkdirSync(dirname(settings.sarifFile), { recursive: true });
    writeFileSync(settings.sarifFile, formatSarifReport(files, { rules: allRules, problems: run.problems }));
    core.setOutput('sarif-file', settings.sarifFile);
  }
  const jsonFile = settings.jsonFile ?? join(process.env.RUNNER_TEMP ?? '.', 'dockerfile-review.json');
  mkdirSync(dirname(jsonFile), { recursive: true });
  writeFileSync(jsonFile, formatJsonReport(files));
  core.setOutput('json-file', jsonFile);
}
