import { describe, expect, it } from 'vitest';
import { computePatch, parsePatch } from '../support/github-standin/index.js';
import { DOCKERFILE_BASE, DOCKERFILE_HEAD } from './helpers.js';

// Expected strings are `git diff --no-index` output (git 2.x, default settings) minus the file headers:
// that is what GitHub puts in a diff entry's `patch`.
const GIT_PATCH = [
  '@@ -1,5 +1,5 @@',
  ' # syntax=docker/dockerfile:1',
  '-FROM node:18-bullseye AS build',
  '+FROM node:20-bullseye AS build',
  ' WORKDIR /src',
  ' COPY package.json package-lock.json ./',
  ' RUN npm ci',
  '@@ -14,5 +14,5 @@ COPY --from=build /src/node_modules ./node_modules',
  ' RUN apt-get update && apt-get install -y curl',
  ' EXPOSE 8080',
  ' HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1',
  '-USER node',
  '-CMD node dist/server.js',
  '+ARG PORT=8080',
  '+ENTRYPOINT node dist/server.js',
].join('\n');

describe('computePatch', () => {
  it('matches git: 3 lines of context, two hunks, function context after the second @@', () => {
    const p = computePatch(DOCKERFILE_BASE, DOCKERFILE_HEAD);
    expect(p.patch).toBe(GIT_PATCH);
    expect(p.additions).toBe(3);
    expect(p.deletions).toBe(3);
    expect(p.hunks).toHaveLength(2);
  });

  it('marks a missing final newline like git', () => {
    expect(computePatch('FROM a\nRUN b', 'FROM a\nRUN c').patch).toBe(
      '@@ -1,2 +1,2 @@\n FROM a\n-RUN b\n\\ No newline at end of file\n+RUN c\n\\ No newline at end of file',
    );
  });

  it('writes -0,0 for an added file and omits a count of 1', () => {
    expect(computePatch('', 'FROM x\n').patch).toBe('@@ -0,0 +1 @@\n+FROM x');
    expect(computePatch('FROM x\nRUN y\n', '').patch).toBe('@@ -1,2 +0,0 @@\n-FROM x\n-RUN y');
  });

  it('merges changes separated by at most 6 unchanged lines into one hunk', () => {
    const base = 'L1\nL2\nL3\nL4\nL5\nL6\nL7\nL8\n';
    const head = 'X1\nL2\nL3\nL4\nL5\nL6\nL7\nX8\n';
    const p = computePatch(base, head);
    expect(p.hunks).toHaveLength(1);
    expect(p.patch.split('\n')[0]).toBe('@@ -1,8 +1,8 @@');
  });

  it('is empty for identical contents', () => {
    expect(computePatch('FROM a\n', 'FROM a\n').patch).toBe('');
  });
});

describe('parsePatch', () => {
  it('collects the commentable lines per side and the legacy positions', () => {
    const hunks = parsePatch(GIT_PATCH);
    expect([...(hunks[0]?.right ?? [])]).toEqual([1, 2, 3, 4, 5]);
    expect([...(hunks[0]?.added ?? [])]).toEqual([2]);
    expect([...(hunks[0]?.left ?? [])]).toEqual([1, 2, 3, 4, 5]);
    expect([...(hunks[1]?.right ?? [])]).toEqual([14, 15, 16, 17, 18]);
    expect([...(hunks[1]?.added ?? [])]).toEqual([17, 18]);
    expect([...(hunks[1]?.left ?? [])]).toEqual([14, 15, 16, 17, 18]);
    // Position 1 is the line under the first @@; the second @@ takes position 7.
    expect(hunks[0]?.headerPosition).toBe(0);
    expect(hunks[1]?.headerPosition).toBe(7);
  });
});
