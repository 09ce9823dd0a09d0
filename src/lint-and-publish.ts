/**
 * Everything after the first request: lint (the pull request's Dockerfiles, or the workspace's), publish, and say
 * whether the run fails. main.ts loads this module lazily, once the first request has gone out: the engine, the
 * rules and the reporters are most of the bundle, and compiling them first would delay that request (issue 5).
 */
import * as core from '@actions/core';
import { prepareEngine } from './engine/lint.js';
import { lintPullRequest, lintWorkspace, type RunContext } from './execute.js';
import type { GitHubClient } from './github/client.js';
import type { PullRequestRef } from './github/pull-request.js';
import { publish } from './publish.js';
import type { Settings } from './settings.js';

export interface LintAndPublishInput {
  readonly settings: Settings;
  readonly octokit: GitHubClient | null;
  readonly repository: { readonly owner: string; readonly repo: string } | null;
  /** The pull request under review with GitHub's current view of it; null on push and other events. */
  readonly pullRequest: {
    readonly ref: PullRequestRef;
    readonly current: { readonly headSha: string; readonly changedFiles: number };
  } | null;
  /** GITHUB_SHA: the commit a workspace run reports on. */
  readonly sha: string;
  readonly context: RunContext;
}

/** Returns the message to fail the step with, or null when the run passes. */
export async function lintAndPublish(input: LintAndPublishInput): Promise<string | null> {
  const { settings, octokit, pullRequest, repository, context } = input;
  const linted =
    pullRequest && octokit
      ? await lintPullRequest(octokit, pullRequest.ref, pullRequest.current, settings, context)
      : await prepareEngine().then(() => lintWorkspace(settings, context));
  if (linted.stoppedBecause) {
    core.notice(`dockerfile-review stopped: ${linted.stoppedBecause}.`);
    return null;
  }
  core.info(`Linted ${linted.files.length} Dockerfile(s); ${linted.findings.length} finding(s).`);
  const target = {
    owner: repository?.owner ?? '',
    repo: repository?.repo ?? '',
    headSha: pullRequest?.ref.headSha ?? input.sha,
    pr: pullRequest?.ref ?? null,
  };
  const result = await publish(repository ? octokit : null, target, linted, settings);
  return result.failed
    ? `dockerfile-review: findings at or above fail-on (${settings.failOn}): ${result.counts.error} error(s), ${result.counts.warning} warning(s), ${result.counts.info} info.`
    : null;
}
