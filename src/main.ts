/**
 * The action's entry: read the settings, ask GitHub for the pull request's head, then lint and publish
 * (lint-and-publish.ts, loaded after that first request), and own the single `setFailed`.
 */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { createClient, redact } from './github/client.js';
import { currentPullRequest, pullRequestFromEvent } from './github/pull-request.js';
import { readSettings } from './inputs.js';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    const context = github.context;
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const octokit = settings.token ? createClient(settings.token, process.env.GITHUB_API_URL) : null;
    const repository = process.env.GITHUB_REPOSITORY ? context.repo : null;
    const pr =
      repository && PULL_REQUEST_EVENTS.has(context.eventName)
        ? pullRequestFromEvent(context.payload, repository)
        : null;
    const runContext = { workspace, log: (line: string) => core.info(line) };

    if (pr && !octokit)
      throw new Error(
        'a pull request review needs the github-token input (its default, the workflow token `github.token`, works)',
      );
    core.info(
      pr
        ? `Reviewing pull request #${pr.number} at its head ${pr.headSha.slice(0, 7)} (${context.eventName}).`
        : `Linting the Dockerfiles in the workspace (${context.eventName || 'no event'}).`,
    );
    // The first request goes out before the engine, the rules and the reporters load (lint-and-publish.ts).
    const current = pr && octokit ? await currentPullRequest(octokit, pr) : null;
    const { lintAndPublish } = await import('./lint-and-publish.js');
    const failure = await lintAndPublish({
      settings,
      octokit,
      repository,
      pullRequest: pr && current ? { ref: pr, current } : null,
      sha: context.sha,
      context: runContext,
    });
    if (failure) core.setFailed(failure);
  } catch (error) {
    core.setFailed(
      `dockerfile-review failed: ${redact(error instanceof Error ? error.message : String(error))}`,
    );
  }
}
