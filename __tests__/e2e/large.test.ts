/**
 * A pull request at GitHub's listing limit: 3,000 changed files, 300 of them Dockerfiles. The number of API
 * requests is fixed by the flow, whatever the number of findings beyond the annotation batches:
 *
 *   1 GET pull (is the event's head still the head?)
 *   + ceil(F / 100) list-files pages                        F = 3000 -> 30
 *   + D content reads (Dockerfiles not identical in the workspace)  D = 300
 *   + max(1, ceil(C / 100)) review-comment pages             C = 0 earlier comments -> 1
 *   + 1 review (only when a comment is new; max-comments caps it at 30 comments)
 *   + max(1, ceil(I / 100)) issue-comment pages              I = 0 -> 1
 *   + 1 summary comment (create, or PATCH when changed)
 *   + max(1, ceil(A / 50)) check-run calls                   A = annotations = findings
 *   + GraphQL only to resolve fixed threads somebody replied to: 0 here
 *
 * With one finding per Dockerfile (A = 300): 1 + 30 + 300 + 1 + 1 + 1 + 1 + 6 = 341 requests, of which 9 writes.
 */
import { afterAll, expect, test } from 'vitest';
import { startStandIn } from '../support/github-standin/index.js';
import { TOKEN } from './fixtures.js';
import { cleanUp, runAction } from './harness.js';

afterAll(cleanUp);

const DOCKERFILES = 300;
const OTHER_FILES = 2700;

test('a 3,000-file pull request with 300 Dockerfiles takes a fixed, counted number of requests', async () => {
  const base: Record<string, string> = {};
  const head: Record<string, string> = {};
  for (let i = 0; i < DOCKERFILES; i++) {
    const path = `services/svc-${String(i).padStart(3, '0')}/Dockerfile`;
    base[path] = `FROM alpine:3.20\nWORKDIR /srv\nCMD ["./serve"]\n`;
    head[path] = `FROM alpine:3.20\nWORKDIR /srv\nCMD ./serve --instance ${i}\n`;
  }
  for (let i = 0; i < OTHER_FILES; i++) {
    const path = `docs/page-${String(i).padStart(4, '0')}.md`;
    base[path] = `# Page ${i}\n`;
    head[path] = `# Page ${i}\n\nUpdated.\n`;
  }
  const standIn = await startStandIn(
    { owner: 'acme', repo: 'shop', number: 7, base, head },
    { token: TOKEN },
  );
  try {
    expect(standIn.files()).toHaveLength(DOCKERFILES + OTHER_FILES);
    const run = await runAction(standIn);
    expect(run.code, run.stdout + run.stderr).toBe(0);

    const findings = Number(run.outputs.total);
    expect(findings).toBeGreaterThanOrEqual(DOCKERFILES);
    const checkRunCalls = Math.max(1, Math.ceil(findings / 50));
    const expected = 1 + Math.ceil(3000 / 100) + DOCKERFILES + 1 + 1 + 1 + 1 + checkRunCalls;
    const byOperation: Record<string, number> = {};
    for (const request of standIn.state.requests) {
      byOperation[request.operationId ?? '?'] = (byOperation[request.operationId ?? '?'] ?? 0) + 1;
    }
    expect(byOperation).toEqual({
      'pulls/get': 1,
      'pulls/list-files': 30,
      'repos/get-content': DOCKERFILES,
      'pulls/list-review-comments': 1,
      'pulls/create-review': 1,
      'issues/list-comments': 1,
      'issues/create-comment': 1,
      'checks/create': 1,
      ...(checkRunCalls > 1 ? { 'checks/update': checkRunCalls - 1 } : {}),
    });
    expect(standIn.state.requests).toHaveLength(expected);
    if (findings === DOCKERFILES) expect(expected).toBe(341);

    // max-comments (30) inline; the rest are in the summary, which fits GitHub's limit with a note.
    expect(standIn.state.reviewComments).toHaveLength(30);
    const summary = standIn.state.issueComments[0]?.body ?? '';
    expect(summary.length).toBeLessThanOrEqual(65536);
    expect(summary).toMatch(/more files? \(\d+ findings?\) not shown/);
    expect(standIn.state.checkRuns[0].annotations).toHaveLength(findings);
    expect(standIn.state.checkRuns[0].status).toBe('completed');
    expect(run.jobSummary).toContain('services/svc-299/Dockerfile');
  } finally {
    await standIn.close();
  }
});
