/**
 * Pull requests for the end-to-end tests. The assertions lean on `exec-form` (shell-form CMD/ENTRYPOINT, with a
 * safe fix that becomes a ```suggestion): other rules may add findings to these files as they grow, and the
 * tests are written so that extra findings do not break them.
 */
import { expect } from 'vitest';
import type { PullRequestFixture, StandIn } from '../support/github-standin/index.js';
import type { ActionRun } from './harness.js';

/** A token no real GitHub would issue, easy to grep for. */
export const TOKEN = 'ghs_E2eSecretToken0123456789abcdefXYZ';

const WEB_BASE = `FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "server.js"]
`;

/** Lines 7-8: a shell-form CMD continued over two lines: a two-line suggestion. */
export const WEB_HEAD = `FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD node server.js \\
    --port 3000
`;
export const WEB_FIXED = `${WEB_BASE.replace('CMD ["node", "server.js"]', 'CMD ["node", "server.js", "--port", "3000"]')}`;

/** An added file. Line 9: a shell-form CMD after an exec-form ENTRYPOINT: a one-line suggestion. */
export const API_HEAD = `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]
CMD --port 8080
`;
export const API_FIXED = API_HEAD.replace('CMD --port 8080', 'CMD ["--port", "8080"]');

/**
 * Only line 11 changes. Line 13's shell-form CMD is diff context (hunk +8,6 shows lines 8-13); line 2's is
 * outside every hunk: `added` comments on neither, `diff_context` on line 13, `file` also on line 2 (file level).
 */
export const TOOLS_BASE = `FROM alpine:3.20 AS tools
CMD echo tools-stage
# Lines 3 to 9 are comments (no rule reads them):
# they keep line 2 out of the hunk
# git makes around line 11,
# which shows 3 lines of context
# on each side of a change.
#
#
FROM alpine:3.20
RUN echo old
WORKDIR /srv
CMD echo context-line
`;
export const TOOLS_HEAD = TOOLS_BASE.replace('RUN echo old', 'RUN echo changed');

export function reviewFixture(overrides: Partial<PullRequestFixture> = {}): PullRequestFixture {
  return {
    owner: 'acme',
    repo: 'shop',
    number: 7,
    title: 'Serve on port 3000',
    base: {
      'web/Dockerfile': WEB_BASE,
      'tools/Dockerfile': TOOLS_BASE,
      'gone/Dockerfile': 'FROM alpine:3.20\nCMD echo removed\n',
      'old/Containerfile': 'FROM alpine:3.19\nCMD ["sh"]\n',
      'README.md': '# shop\n',
    },
    head: {
      'web/Dockerfile': WEB_HEAD,
      'api/Dockerfile': API_HEAD,
      'tools/Dockerfile': TOOLS_HEAD,
      'new/Containerfile': 'FROM alpine:3.20\nCMD ["sh"]\n',
      'README.md': '# shop\n\nServes on port 3000.\n',
    },
    renames: { 'new/Containerfile': 'old/Containerfile' },
    ...overrides,
  };
}

/** The comment (root of its thread) the bot left on `path` at `line`, for `ruleId`. */
export function commentAt(standIn: StandIn, path: string, line: number, ruleId: string) {
  return standIn.state.reviewComments.find(
    (comment) =>
      comment.in_reply_to_id === null &&
      comment.path === path &&
      comment.line === line &&
      comment.body.includes(`\`${ruleId}\``),
  );
}

/** The ```suggestion block of a comment body, or undefined. */
export function suggestionOf(body: string): string | undefined {
  return /^(`{3,})suggestion\n([\s\S]*?)\n\1$/m.exec(body)?.[2];
}

/** The token appears nowhere a person or another step could read it. */
export function expectNoToken(run: ActionRun, standIn: StandIn | null, files: readonly string[] = []): void {
  const places: Record<string, string> = {
    stdout: run.stdout,
    stderr: run.stderr,
    outputs: JSON.stringify(run.outputs),
    'job summary': run.jobSummary,
  };
  for (const [index, text] of files.entries()) places[`file ${index}`] = text;
  if (standIn) {
    places['posted bodies'] = JSON.stringify([
      standIn.state.reviews.map((review) => review.body),
      standIn.state.reviewComments.map((comment) => comment.body),
      standIn.state.issueComments.map((comment) => comment.body),
      standIn.state.checkRuns.map((checkRun) => [checkRun.output, checkRun.annotations]),
      standIn.state.requests.map((request) => [request.url, request.body, request.headers]),
    ]);
  }
  for (const [place, text] of Object.entries(places)) {
    expect(text.includes(TOKEN), `the token appears in ${place}`).toBe(false);
  }
}

/** The JSON result's contract (docs/json-output.md): field names, types and value sets. */
export function expectJsonContract(text: string): void {
  const json = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(json)).toEqual(['tool', 'files']);
  expect(json.tool).toEqual({ name: 'dockerfile-review', version: expect.any(String) });
  const files = json.files as Record<string, unknown>[];
  expect(Array.isArray(files)).toBe(true);
  for (const file of files) {
    expect(typeof file.path).toBe('string');
    for (const finding of file.findings as Record<string, unknown>[]) {
      expect(Object.keys(finding).slice(0, 8)).toEqual([
        'ruleId',
        'severity',
        'message',
        'line',
        'column',
        'endLine',
        'endColumn',
        'refs',
      ]);
      expect(['error', 'warning', 'info']).toContain(finding.severity);
      for (const key of ['line', 'column', 'endLine', 'endColumn']) {
        expect(Number.isInteger(finding[key]) && (finding[key] as number) >= 1, key).toBe(true);
      }
      const fix = finding.fix as { safety: string; edits: unknown[] } | undefined;
      if (fix) {
        expect(['safe', 'unsafe']).toContain(fix.safety);
        expect(fix.edits.length).toBeGreaterThan(0);
      }
    }
    for (const runtime of (file.runtime ?? []) as Record<string, unknown>[]) {
      expect(runtime).toMatchObject({ stage: expect.any(String), line: expect.any(Number) });
      expect('entrypoint' in runtime && 'cmd' in runtime && 'shellForm' in runtime).toBe(true);
    }
  }
}
