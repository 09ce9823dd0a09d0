/** Shared fixtures for the stand-in's own tests. */
import { Octokit } from '@octokit/rest';
import type { PullRequestFixture, StandIn } from '../support/github-standin/index.js';

/** Two hunks against this base (git diff --no-index output is copied into patch.test.ts). */
export const DOCKERFILE_BASE = `# syntax=docker/dockerfile:1
FROM node:18-bullseye AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:18-bullseye-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /src/dist ./dist
COPY --from=build /src/node_modules ./node_modules
RUN apt-get update && apt-get install -y curl
EXPOSE 8080
HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
USER node
CMD node dist/server.js
`;

export const DOCKERFILE_HEAD = DOCKERFILE_BASE.replace(
  'FROM node:18-bullseye AS build',
  'FROM node:20-bullseye AS build',
).replace('USER node\nCMD node dist/server.js\n', 'ARG PORT=8080\nENTRYPOINT node dist/server.js\n');

export function sampleFixture(overrides: Partial<PullRequestFixture> = {}): PullRequestFixture {
  return {
    owner: 'acme',
    repo: 'shop',
    number: 7,
    title: 'Bump node',
    base: {
      Dockerfile: DOCKERFILE_BASE,
      'docker/api/Dockerfile': 'FROM golang:1.22\nRUN go build ./...\n',
      'old/Containerfile': 'FROM alpine:3.19\nRUN apk add curl\nCMD ["sh"]\n',
      'README.md': '# shop\n',
    },
    head: {
      Dockerfile: DOCKERFILE_HEAD,
      'new/Containerfile': 'FROM alpine:3.20\nRUN apk add curl\nCMD ["sh"]\n',
      'docker/worker/Dockerfile': 'FROM python:3.12-slim\nRUN pip install celery\nCMD celery worker\n',
      'README.md': '# shop\n',
    },
    renames: { 'new/Containerfile': 'old/Containerfile' },
    ...overrides,
  };
}

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function octokitFor(standIn: StandIn, auth: string = standIn.token): InstanceType<typeof Octokit> {
  return new Octokit({ auth, baseUrl: standIn.url, log: silent });
}

/** Many small files, for pagination tests. */
export function manyFiles(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) out[`svc/${String(i).padStart(4, '0')}/Dockerfile`] = `FROM busybox:${i}\n`;
  return out;
}

export async function rawFetch(
  standIn: StandIn,
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = `token ${standIn.token}`,
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (auth !== null) headers.authorization = auth;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${standIn.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}
