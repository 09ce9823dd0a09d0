/**
 * The action's entry: read the settings, lint (pull request or workspace), publish, and own the single
 * `setFailed`. Everything else lives in modules that take what they need as arguments.
 */
import * as core from '@actions/core';
import * as github from '@actions/github';
import { prepareEngine } from './engine/lint.js';
import { lintPullRequest, lintWorkspace } from './execute.js';
import { createClient } from './github/client.js';
import { pullRequestFromEvent } from './github/pull-request.js';
import { readSettings } from './inputs.js';
import { publish } from './publish.js';

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
    const linted =
      pr && octokit
        ? await lintPullRequest(octokit, pr, settings, runContext)
        : await prepareEngine().then(() => lintWorkspace(settings, runContext));
    if (linted.stoppedBecause) {
      core.notice(`dockerfile-review stopped: ${linted.stoppedBecause}.`);
      return;
    }
    core.info(`Linted ${linted.files.length} Dockerfile(s); ${linted.findings.length} finding(s).`);
    const target = {
      owner: repository?.owner ?? '',
      repo: repository?.repo ?? '',
      headSha: pr?.headSha ?? context.sha,
      pr,
    };
    const result = await publish(repository ? octokit : null, target, linted, settings);
    if (result.failed) {
      core.setFailed(
        `dockerfile-review: findings at or above fail-on (${settings.failOn}): ${result.counts.error} error(s), ${result.counts.warning} warning(s), ${result.counts.info} info.`,
      );
    }
  } catch (error) {
    core.setFailed(`dockerfile-review failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
