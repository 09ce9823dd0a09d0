/**
 * The pull request flow end to end: the bundled action against the GitHub stand-in, as the runner starts it.
 * One review with suggestions on the changed lines, a sticky summary edited in place, a check run on the
 * head, and clean-up after a push that fixes findings. Requires a fresh `npm run build` (see harness.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { parsePatch, type StandIn, startStandIn } from '../support/github-standin/index.js';
import {
  API_FIXED,
  API_HEAD,
  commentAt,
  expectJsonContract,
  expectNoToken,
  reviewFixture,
  suggestionOf,
  TOKEN,
  TOOLS_HEAD,
  WEB_FIXED,
} from './fixtures.js';
import { cleanUp, MERGE_SHA, runAction, writes } from './harness.js';

afterAll(cleanUp);

const SUMMARY_MARKER = '<!-- dockerfile-review:summary -->';

/** Lines each file's patch marks as added, from the stand-in's own parser (not the action's). */
function addedLines(standIn: StandIn): Map<string, Set<number>> {
  const added = new Map<string, Set<number>>();
  for (const entry of standIn.files()) {
    const lines = new Set<number>();
    for (const hunk of parsePatch(entry.patch ?? '')) for (const line of hunk.added) lines.add(line);
    added.set(entry.filename, lines);
  }
  return added;
}

function requestsSince(standIn: StandIn, seq: number) {
  return standIn.state.requests.filter((request) => request.seq > seq);
}

function lastSeq(standIn: StandIn): number {
  return standIn.state.requests.at(-1)?.seq ?? 0;
}

describe.concurrent('pull_request', () => {
  test('reviews the changed lines, stays quiet on a rerun, cleans up after a fixing push', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    try {
      // ---- first run: the PR as opened. The workspace holds api/Dockerfile exactly as at the head
      // (same blob), so that one file is read from disk, not through the API.
      const first = await runAction(standIn, { workspace: { 'api/Dockerfile': API_HEAD } });
      expect(first.code, first.stdout + first.stderr).toBe(0);
      const total = Number(first.outputs.total);
      expect(total).toBeGreaterThanOrEqual(5);
      expect(first.outputs).toMatchObject({ errors: '0', conclusion: 'success' });
      expect(Number(first.outputs.warnings) + Number(first.outputs.infos)).toBe(total);

      // One review, event COMMENT, on the head commit: never GITHUB_SHA (the test merge commit).
      expect(standIn.state.reviews).toHaveLength(1);
      const reviewPost = standIn.state.requests.find(
        (request) => request.operationId === 'pulls/create-review',
      );
      expect(reviewPost?.body).toMatchObject({ event: 'COMMENT', commit_id: standIn.headSha });
      expect(JSON.stringify(standIn.state.requests)).not.toContain(MERGE_SHA);

      // The multi-line CMD gets a two-line suggestion; the added file's CMD a one-line one.
      const web = commentAt(standIn, 'web/Dockerfile', 8, 'exec-form');
      expect(web?.start_line).toBe(7);
      expect(suggestionOf(web?.body ?? '')).toBe('CMD ["node", "server.js", "--port", "3000"]');
      const api = commentAt(standIn, 'api/Dockerfile', 9, 'exec-form');
      expect(api?.start_line).toBeNull();
      expect(suggestionOf(api?.body ?? '')).toBe('CMD ["--port", "8080"]');
      expect(api?.body).toContain('docs/rules/exec-form.md');

      // filter-mode added: every comment touches an added line; tools/Dockerfile's unchanged CMDs get none.
      const added = addedLines(standIn);
      for (const comment of standIn.state.reviewComments) {
        const span = [comment.start_line ?? comment.line ?? 0, comment.line ?? 0];
        const touched = [...(added.get(comment.path) ?? [])].some(
          (line) => line >= span[0] && line <= span[1],
        );
        expect(touched, `${comment.path}:${comment.line} is not on an added line`).toBe(true);
      }
      expect(standIn.state.reviewComments.some((comment) => comment.path === 'tools/Dockerfile')).toBe(false);

      // Removed files are not read; the renamed one is linted at its new path; api/ came from the workspace.
      const contentReads = standIn.state.requests
        .filter((request) => request.operationId === 'repos/get-content')
        .map((request) => decodeURIComponent(request.path.replace('/repos/acme/shop/contents/', '')));
      expect(contentReads.sort()).toEqual(['new/Containerfile', 'tools/Dockerfile', 'web/Dockerfile']);
      expect(
        standIn.state.requests
          .filter((request) => request.operationId === 'repos/get-content')
          .every((request) => request.url.endsWith(`ref=${standIn.headSha}`)),
      ).toBe(true);

      // The sticky summary: every finding, including those not on a changed line, and what `docker run` runs.
      expect(standIn.state.issueComments).toHaveLength(1);
      const summary = standIn.state.issueComments[0];
      expect(summary.body.trimEnd().endsWith(SUMMARY_MARKER)).toBe(true);
      expect(summary.body).toContain('### `new/Containerfile`');
      expect(summary.body).not.toContain('gone/Dockerfile');
      expect(summary.body).toMatch(/\| 2 \| ⚠️ warning \| \[`exec-form`\].*\| not on a changed line \|/);
      expect(summary.body).toMatch(/\| 13 \| ⚠️ warning \| \[`exec-form`\].*\| not on a changed line \|/);
      expect(summary.body).toMatch(/\| 7 \| ⚠️ warning \| \[`exec-form`\].*\| 💬 commented \|/);
      expect(summary.body).toContain('What `docker run IMAGE` runs');

      // The check run: on the head, every finding annotated, neutral (warnings under fail-on: error).
      expect(standIn.state.checkRuns).toHaveLength(1);
      expect(standIn.state.checkRuns[0]).toMatchObject({
        name: 'dockerfile-review',
        head_sha: standIn.headSha,
        status: 'completed',
        conclusion: 'neutral',
      });
      expect(standIn.state.checkRuns[0].annotations).toHaveLength(total);

      // The job summary holds the same report; the JSON file follows the contract.
      expect(first.jobSummary).toContain('### `web/Dockerfile`');
      const jsonPath = first.outputs['json-file'];
      expect(existsSync(jsonPath)).toBe(true);
      const jsonText = readFileSync(jsonPath, 'utf8');
      const json = JSON.parse(jsonText) as {
        tool: { name: string };
        files: { path: string; findings: { ruleId: string; line: number; fix?: { safety: string } }[] }[];
      };
      expect(json.tool.name).toBe('dockerfile-review');
      expect(json.files.map((file) => file.path).sort()).toEqual([
        'api/Dockerfile',
        'new/Containerfile',
        'tools/Dockerfile',
        'web/Dockerfile',
      ]);
      expect(json.files.flatMap((file) => file.findings)).toHaveLength(total);
      expect(
        json.files
          .find((file) => file.path === 'web/Dockerfile')
          ?.findings.find((f) => f.ruleId === 'exec-form'),
      ).toMatchObject({ line: 7, fix: { safety: 'safe' } });
      expectJsonContract(jsonText);
      expectNoToken(first, standIn, [jsonText]);

      // A typical PR: 1 GET pull + 1 list-files page + 3 content reads (the 4th Dockerfile came from the
      // workspace) + 1 review-comment page + 1 review + 1 issue-comment page + 1 summary create + 1 check run
      // (at most 50 annotations: created complete) = 10 requests, and no GraphQL.
      expect(standIn.state.requests.map((request) => request.operationId)).toEqual([
        'pulls/get',
        'pulls/list-files',
        'repos/get-content',
        'repos/get-content',
        'repos/get-content',
        'pulls/list-review-comments',
        'pulls/create-review',
        'issues/list-comments',
        'issues/create-comment',
        'checks/create',
      ]);

      // ---- second run, same head: nothing new is posted; the summary is edited in place.
      const commentsBefore = standIn.state.reviewComments.map((comment) => comment.id);
      const mark = lastSeq(standIn);
      const second = await runAction(standIn, { workspace: { 'api/Dockerfile': API_HEAD } });
      expect(second.code).toBe(0);
      expect(standIn.state.reviews).toHaveLength(1);
      expect(standIn.state.reviewComments.map((comment) => comment.id)).toEqual(commentsBefore);
      expect(standIn.state.issueComments.map((comment) => comment.id)).toEqual([summary.id]);
      const secondWrites = requestsSince(standIn, mark).filter((request) => request.method !== 'GET');
      expect(secondWrites.map((request) => `${request.method} ${request.path}`)).toEqual([
        `PATCH /repos/acme/shop/issues/comments/${summary.id}`,
        'POST /repos/acme/shop/check-runs',
      ]);
      expect(standIn.state.issueComments[0].body).toContain('💬 commented earlier');

      // ---- a reply on the api comment, then a push fixing both CMDs: the web comment (no reply) is deleted,
      // the api thread (a person replied) is resolved and kept.
      const apiId = api?.id ?? -1;
      const webId = web?.id ?? -1;
      standIn.addReply(apiId, 'Good catch, fixing.');
      standIn.pushHead({ ...reviewFixture().head, 'web/Dockerfile': WEB_FIXED, 'api/Dockerfile': API_FIXED });
      const third = await runAction(standIn, { payload: standIn.eventPayload('synchronize') });
      expect(third.code, third.stdout).toBe(0);
      expect(standIn.state.deletedReviewCommentIds).toContain(webId);
      const thread = standIn.state.threads.find((candidate) => candidate.root_comment_id === apiId);
      expect(thread?.isResolved).toBe(true);
      expect(standIn.state.reviewComments.some((comment) => comment.id === apiId)).toBe(true);
      expect(commentAt(standIn, 'web/Dockerfile', 8, 'exec-form')).toBeUndefined();
      // Still one summary comment, the same one, now without the fixed findings.
      expect(standIn.state.issueComments.map((comment) => comment.id)).toEqual([summary.id]);
      const webSection = standIn.state.issueComments[0].body
        .split('### `web/Dockerfile`')[1]
        ?.split('### ')[0];
      expect(webSection).toBeDefined();
      expect(webSection).not.toContain('`exec-form`');
      expect(standIn.state.checkRuns.at(-1)?.head_sha).toBe(standIn.headSha);
      expectNoToken(second, standIn);
      expectNoToken(third, standIn);
    } finally {
      await standIn.close();
    }
  });

  test('filter-mode diff_context comments on context lines too, not on lines outside the hunks', async () => {
    const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
    try {
      const run = await runAction(standIn, { inputs: { 'filter-mode': 'diff_context' } });
      expect(run.code).toBe(0);
      const context = commentAt(standIn, 'tools/Dockerfile', 13, 'exec-form');
      expect(suggestionOf(context?.body ?? '')).toBe('CMD ["echo", "context-line"]');
      expect(
        standIn.state.reviewComments.some(
          (comment) => comment.path === 'tools/Dockerfile' && comment.line === 2,
        ),
      ).toBe(false);
      expect(standIn.state.reviewComments.some((comment) => comment.subject_type === 'file')).toBe(false);
    } finally {
      await standIn.close();
    }
  });

  test('a Dockerfile whose diff GitHub omits (too large) is reported with file-level comments', async () => {
    const standIn = await startStandIn(
      {
        owner: 'acme',
        repo: 'shop',
        number: 7,
        base: { 'big/Dockerfile': 'FROM alpine:3.20\n' },
        head: { 'big/Dockerfile': 'FROM alpine:3.20\nRUN echo build\nCMD echo big\n' },
      },
      { token: TOKEN, omitPatchOver: 1 },
    );
    try {
      expect(standIn.files()[0].patch).toBeUndefined();
      const run = await runAction(standIn);
      expect(run.code).toBe(0);
      // No line can hold a comment: no review, one file-level comment per finding (up to 10 a run).
      expect(standIn.state.reviews.filter((review) => review.body !== '')).toEqual([]);
      const fileLevel = standIn.state.reviewComments.filter((comment) => comment.subject_type === 'file');
      expect(fileLevel).toHaveLength(Number(run.outputs.total));
      expect(fileLevel.find((comment) => comment.body.includes('`exec-form`'))?.body).toContain(
        '**Line 3:**',
      );
      expect(standIn.state.issueComments[0]?.body).toMatch(
        /\| 3 \| ⚠️ warning \| \[`exec-form`\].*\| 💬 commented \|/,
      );
    } finally {
      await standIn.close();
    }
  });

  test('a PR that changes no Dockerfile gets no comment, only a passing check run', async () => {
    const standIn = await startStandIn(
      { owner: 'acme', repo: 'shop', number: 7, base: { 'README.md': 'a\n' }, head: { 'README.md': 'b\n' } },
      { token: TOKEN },
    );
    try {
      const run = await runAction(standIn);
      expect(run.code).toBe(0);
      expect(standIn.state.issueComments).toEqual([]);
      expect(standIn.state.reviews).toEqual([]);
      expect(writes(standIn)).toEqual(['POST /repos/acme/shop/check-runs 201']);
      expect(standIn.state.checkRuns[0]).toMatchObject({ conclusion: 'success', head_sha: standIn.headSha });
      expect(run.outputs).toMatchObject({ total: '0', conclusion: 'success' });
    } finally {
      await standIn.close();
    }
  });

  test("a PR over GitHub's listing limit says which files were not reviewed", async () => {
    const head: Record<string, string> = { 'zz/Dockerfile': 'FROM alpine:3.20\nCMD echo unseen\n' };
    for (let i = 0; i < 7; i++) head[`docs/${i}.md`] = `page ${i}\n`;
    const standIn = await startStandIn(
      { owner: 'acme', repo: 'shop', number: 7, base: {}, head },
      { token: TOKEN, maxListedFiles: 5 },
    );
    try {
      const run = await runAction(standIn);
      expect(run.code).toBe(0);
      expect(run.outputs.total).toBe('0');
      expect(standIn.state.issueComments[0]?.body).toContain('GitHub lists only the first 5 of the 8 files');
      expect(run.jobSummary).toContain('GitHub lists only the first 5 of the 8 files');
    } finally {
      await standIn.close();
    }
  });

  for (const mode of ['file', 'nofilter'] as const) {
    test(`filter-mode ${mode} also comments on a changed file's other lines, at file level`, async () => {
      const standIn = await startStandIn(reviewFixture(), { token: TOKEN });
      try {
        const run = await runAction(standIn, { inputs: { 'filter-mode': mode } });
        expect(run.code).toBe(0);
        expect(commentAt(standIn, 'tools/Dockerfile', 13, 'exec-form')).toBeDefined();
        // Line 2 is in no hunk: GitHub only takes it as a comment on the whole file.
        const fileLevel = standIn.state.reviewComments.filter(
          (comment) => comment.subject_type === 'file' && comment.path === 'tools/Dockerfile',
        );
        expect(fileLevel.some((comment) => comment.body.includes('**Line 2:**'))).toBe(true);
        expect(TOOLS_HEAD.split('\n')[1]).toBe('CMD echo tools-stage');
        // Still one review for all the line comments; file-level comments are one request each.
        expect(
          writes(standIn).filter((line) => line.startsWith('POST /repos/acme/shop/pulls/7/reviews')),
        ).toHaveLength(1);

        if (mode === 'nofilter') return; // on a pull request, nofilter reaches no further than file
        // A rerun posts none of them again: file-level comments are not "outdated" for having no line.
        const before = standIn.state.reviewComments.length;
        const again = await runAction(standIn, { inputs: { 'filter-mode': mode } });
        expect(again.code).toBe(0);
        expect(standIn.state.reviewComments).toHaveLength(before);
        expect(standIn.state.deletedReviewCommentIds).toEqual([]);
      } finally {
        await standIn.close();
      }
    });
  }
});
