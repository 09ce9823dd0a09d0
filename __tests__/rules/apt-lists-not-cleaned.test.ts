import rule from '../../src/rules/apt-lists-not-cleaned.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'official-image pattern: update, install and rm in one RUN',
      code: 'FROM debian:bookworm\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y --no-install-recommends ca-certificates; \\\n  rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'cache mount on the lists',
      code: 'FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y curl',
    },
    {
      name: 'Docker docs pattern: cache mounts on /var/cache/apt and /var/lib/apt',
      code: 'FROM ubuntu\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get --no-install-recommends install -y gcc',
    },
    {
      name: 'tmpfs mount on the lists',
      code: 'FROM debian\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl',
    },
    {
      name: 'a builder stage only copied from does not reach the image',
      code: 'FROM debian AS build\nRUN apt-get update && apt-get install -y gcc\nRUN make\nFROM gcr.io/distroless/base\nCOPY --from=build /app /app',
    },
    {
      name: 'rm of the parent directory',
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/*',
    },
    {
      name: 'apt-get dist-clean (apt 2.7+)',
      code: 'FROM debian:trixie\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean',
    },
    {
      name: 'find -delete on the lists, in a heredoc',
      code: 'FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nfind /var/lib/apt/lists -type f -delete\nEOF',
    },
    {
      name: 'cleanup inside sh -c',
      code: 'FROM debian\nRUN sh -c "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"',
    },
    { name: 'no update, no lists', code: 'FROM debian\nRUN apt-get install -y ./local.deb' },
    { name: 'apt-get update mentioned in an echo', code: 'FROM debian\nRUN echo "run apt-get update first"' },
  ],
  invalid: [
    {
      name: 'hadolint DL3009: update without cleanup in the final stage',
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl',
      errors: [{ line: 2, endLine: 2, message: '`apt-get update` downloads the package lists', fix: 'none' }],
    },
    {
      name: 'hadolint counts any rm -rf as cleanup; the lists must be deleted',
      code: 'FROM debian\nRUN apt-get update \\\n && apt-get install -y curl \\\n && rm -rf /tmp/* /var/tmp/*',
      errors: [{ line: 2, endLine: 2 }],
    },
    {
      name: 'cleanup before the update does not count',
      code: 'FROM debian\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl',
      errors: [{ line: 2 }],
    },
    {
      name: 'cleanup in a later RUN: the lists stay in the earlier layer',
      code: 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      errors: [{ line: 2 }],
    },
    {
      name: 'a stage the final stage is built FROM; apt and aptitude too',
      code: 'FROM debian AS base\nRUN apt update && apt install -y curl\nFROM base AS app\nrun aptitude update\nCMD ["curl"]',
      errors: [
        { line: 2, message: '`apt update`' },
        { line: 4, message: '`aptitude update`' },
      ],
    },
    {
      name: 'a cache mount elsewhere does not cover the lists; ONBUILD RUN',
      code: 'FROM debian\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\nONBUILD RUN apt-get -qq update',
      errors: [{ line: 2 }, { line: 3 }],
    },
    {
      name: 'heredoc RUN, reported from the RUN line to the update',
      code: 'FROM debian\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF',
      errors: [{ line: 2, endLine: 4 }],
    },
  ],
});
