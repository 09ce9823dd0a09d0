/**
 * The check run on the PR's head commit: created with the first batch of annotations, then the rest appended
 * 50 at a time (each PATCH appends), then completed with the conclusion and the summary. Requests:
 * 1 + ceil(annotations / 50), whatever the number of findings beyond that.
 */
import type { GitHubClient } from './client.js';
import { ANNOTATION_TITLE_MAX, ANNOTATIONS_PER_REQUEST, CHECK_SUMMARY_MAX } from './limits.js';

export interface CheckAnnotation {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
  readonly level: 'notice' | 'warning' | 'failure';
  readonly title: string;
  readonly message: string;
}

export interface CheckRunRequest {
  readonly owner: string;
  readonly repo: string;
  readonly name: string;
  readonly headSha: string;
  readonly conclusion: 'success' | 'failure' | 'neutral';
  readonly title: string;
  readonly summary: string;
  readonly annotations: readonly CheckAnnotation[];
}

export async function publishCheckRun(octokit: GitHubClient, request: CheckRunRequest): Promise<string> {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < request.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(request.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const output = (annotations: readonly CheckAnnotation[]) => ({
    title: request.title,
    summary: truncate(request.summary, CHECK_SUMMARY_MAX),
    annotations: annotations.map(toApi),
  });
  const [first = [], ...rest] = batches;
  const last = rest.pop();
  const completion = {
    status: 'completed' as const,
    conclusion: request.conclusion,
    completed_at: new Date().toISOString(),
  };
  const { data } = await octokit.rest.checks.create({
    owner: request.owner,
    repo: request.repo,
    name: request.name,
    head_sha: request.headSha,
    output: output(first),
    // With at most one batch, the run is created already complete: one request in all.
    ...(last === undefined ? completion : { status: 'in_progress' as const }),
  });
  for (const batch of rest) {
    await octokit.rest.checks.update({
      owner: request.owner,
      repo: request.repo,
      check_run_id: data.id,
      output: output(batch),
    });
  }
  if (last !== undefined) {
    await octokit.rest.checks.update({
      owner: request.owner,
      repo: request.repo,
      check_run_id: data.id,
      output: output(last),
      ...completion,
    });
  }
  return data.html_url ?? '';
}

function toApi(annotation: CheckAnnotation) {
  // Columns are only allowed on single-line annotations.
  const columns =
    annotation.startLine === annotation.endLine && annotation.startColumn !== undefined
      ? { start_column: annotation.startColumn, end_column: annotation.endColumn ?? annotation.startColumn }
      : {};
  return {
    path: annotation.path,
    start_line: annotation.startLine,
    end_line: annotation.endLine,
    ...columns,
    annotation_level: annotation.level,
    title: truncate(annotation.title, ANNOTATION_TITLE_MAX),
    message: annotation.message,
  };
}

export function truncate(
  text: string,
  max: number,
  note = "\n\n… truncated to fit GitHub's limit; the job summary has everything.",
): string {
  return text.length <= max ? text : text.slice(0, max - note.length) + note;
}
