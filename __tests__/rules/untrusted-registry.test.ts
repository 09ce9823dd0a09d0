// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/untrusted-registry.js';
import { lintWith, testRule } from '../support/rule-tester.js';

const internal = { trustedRegistries: ['registry.example.com'] };
const withHub = { trustedRegistries: ['docker.io', 'registry.example.com'] };
const DIGEST = 'sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b';

testRule(rule, {
  valid: [
    {
      name: 'no list: nothing is checked',
      code: 'FROM ghcr.io/acme/app:1.0\nCOPY --from=quay.io/x/y:1 /a /a',
    },
    { name: 'empty list: nothing is checked', code: 'FROM node:20', policy: { trustedRegistries: [] } },
    {
      name: 'trusted registry, multi-stage with a stage reference',
      code: 'FROM registry.example.com/node:20 AS build\nRUN npm ci\nFROM build AS test\nRUN npm test\nFROM registry.example.com/nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html',
      policy: internal,
    },
    {
      name: 'docker.io covers unqualified, library/ and docker.io/ names',
      code: 'FROM node:20 AS a\nFROM library/alpine:3.20 AS b\nFROM docker.io/library/debian:12 AS c\nFROM index.docker.io/library/busybox:1.36',
      policy: { trustedRegistries: ['docker.io'] },
    },
    {
      name: "hadolint's hub.docker.com also names Docker Hub",
      code: 'FROM node:20\nFROM docker.io/library/alpine:3.20',
      policy: { trustedRegistries: ['hub.docker.com'] },
    },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app', policy: internal },
    {
      name: 'registry with a port',
      code: `FROM localhost:5000/base@${DIGEST}`,
      policy: { trustedRegistries: ['localhost:5000'] },
    },
    {
      name: 'leading wildcard',
      code: 'FROM mirror.corp.example/node:20\nFROM eu.mirror.corp.example/alpine:3.20',
      policy: { trustedRegistries: ['*.corp.example'] },
    },
    {
      name: 'trailing wildcard',
      code: 'FROM registry.example.com:5000/base:1\nFROM registry.example.org/base:1',
      policy: { trustedRegistries: ['registry.example.*'] },
    },
    { name: 'star alone', code: 'FROM ghcr.io/acme/app:1', policy: { trustedRegistries: ['*'] } },
    {
      name: 'host names compare case-insensitively',
      code: 'FROM Registry.Example.COM/base:1',
      policy: internal,
    },
    {
      name: 'registry from a variable without a default: only the build knows it',
      code: 'ARG REGISTRY\nFROM ${REGISTRY}/acme/app:1.0',
      policy: internal,
    },
    {
      name: 'whole image from a variable',
      code: 'ARG BASE_IMAGE\nFROM $BASE_IMAGE',
      policy: internal,
    },
    {
      name: 'ARG default in a trusted registry',
      code: 'ARG REGISTRY=registry.example.com\nFROM ${REGISTRY}/node:20',
      policy: internal,
    },
    {
      name: 'variable after the registry part does not matter',
      code: 'ARG NAME\nFROM registry.example.com/${NAME}:1',
      policy: internal,
    },
    {
      name: 'COPY --from a stage by name and by index, RUN --mount from a stage',
      code: 'FROM registry.example.com/golang:1.22 AS build\nRUN go build -o /out/app\nFROM registry.example.com/static:1\nCOPY --from=build /out/app /app\nCOPY --from=0 /etc/ssl /etc/ssl\nRUN --mount=type=bind,from=build,source=/out,target=/mnt true',
      policy: internal,
    },
    {
      name: 'COPY --from the build context or a variable',
      code: 'FROM registry.example.com/base:1\nARG SRC\nCOPY --from=context /a /a\nCOPY --from=${SRC} /b /b',
      policy: internal,
    },
    {
      name: 'COPY --from a trusted image',
      code: 'FROM registry.example.com/base:1\nCOPY --from=registry.example.com/tools:2 /bin/tool /bin/tool',
      policy: internal,
    },
  ],
  invalid: [
    {
      name: 'Docker Hub implied by an unqualified name',
      code: 'FROM node:20-bookworm-slim AS build\nRUN npm ci\nFROM registry.example.com/nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html',
      policy: internal,
      errors: [
        {
          line: 1,
          severity: 'error',
          column: 6,
          message:
            /`node:20-bookworm-slim` comes from Docker Hub \(`docker.io`.*not in `trusted-registries` \(`registry.example.com`\)/,
        },
      ],
    },
    {
      name: 'docker.io/library/x is Docker Hub too',
      code: 'FROM docker.io/library/alpine:3.20',
      policy: internal,
      errors: [{ line: 1, message: 'Docker Hub (`docker.io`)' }],
    },
    {
      name: 'another registry; every stage is checked',
      code: 'FROM ghcr.io/acme/builder:2 AS build\nRUN make\nFROM quay.io/acme/runtime:2\nCOPY --from=build /out /app',
      policy: withHub,
      errors: [
        { line: 1, message: 'the registry `ghcr.io`' },
        { line: 3, message: 'the registry `quay.io`' },
      ],
    },
    {
      name: 'a port is part of the name',
      code: `FROM localhost:5001/base@${DIGEST}`,
      policy: { trustedRegistries: ['localhost:5000'] },
      errors: [{ line: 1, message: '`localhost:5001`' }],
    },
    {
      name: 'a leading wildcard does not match the bare domain',
      code: 'FROM corp.example/base:1',
      policy: { trustedRegistries: ['*.corp.example'] },
      errors: [{ line: 1, message: '`corp.example`' }],
    },
    {
      name: 'registry from a global ARG default',
      code: 'ARG REGISTRY=ghcr.io\nFROM ${REGISTRY}/acme/runtime:2.3',
      policy: internal,
      errors: [{ line: 2, message: '`${REGISTRY}/acme/runtime:2.3` with the default of `ARG REGISTRY`' }],
    },
    {
      name: 'COPY --from an image, with and without a registry',
      code: 'FROM registry.example.com/base:1\nCOPY --from=busybox /bin/busybox /bin/\nCOPY --from=gcr.io/distroless/base:nonroot /etc/passwd /etc/passwd',
      policy: internal,
      errors: [
        { line: 2, message: /`--from=busybox` names no stage.*Docker Hub/ },
        { line: 3, message: 'the registry `gcr.io`' },
      ],
    },
    {
      name: 'RUN --mount from an image',
      code: 'FROM registry.example.com/base:1\nRUN --mount=type=bind,from=ghcr.io/acme/tools:1,target=/tools /tools/run',
      policy: internal,
      errors: [{ line: 2, message: 'the registry `ghcr.io`' }],
    },
    {
      name: 'digest reference with a registry',
      code: `FROM public.ecr.aws/docker/library/python@${DIGEST}`,
      policy: withHub,
      errors: [{ line: 1, message: '`public.ecr.aws`' }],
    },
  ],
});

describe('untrusted-registry messages', () => {
  it('lists a long configuration briefly', () => {
    const trustedRegistries = Array.from({ length: 8 }, (_, i) => `r${i}.example.com`);
    const [finding] = lintWith(rule, 'FROM ghcr.io/a/b:1', { trustedRegistries });
    expect(finding.message).toContain('`r5.example.com`, … (8 entries)');
    expect(finding.message).not.toContain('r6.example.com');
  });

  it('a hadolint pragma for DL3026 silences it', () => {
    expect(lintWith(rule, '# hadolint ignore=DL3026\nFROM ghcr.io/a/b:1', internal)).toEqual([]);
  });
});
