// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import { describe, expect, it } from 'vitest';
import type { LabelType } from '../../src/engine/types.js';
import rule from '../../src/rules/label-value-format.js';
import { formatProblem } from '../../src/rules/shared/label-formats.js';
import { testRule } from '../support/rule-tester.js';

const labelSchema = {
  'org.opencontainers.image.source': 'url',
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.version': 'semver',
  maintainer: 'email',
  'org.opencontainers.image.title': 'text',
} as const;
const policy = { labelSchema };

testRule(rule, {
  valid: [
    {
      name: 'no schema: nothing is checked',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v1" maintainer=""',
    },
    {
      name: 'every type well-formed, multi-line LABEL',
      code: [
        'FROM node:20-bookworm-slim AS build',
        'RUN npm ci',
        'FROM gcr.io/distroless/nodejs20-debian12',
        'LABEL org.opencontainers.image.source="https://github.com/acme/web" \\',
        '      org.opencontainers.image.created="2024-05-01T12:30:00Z" \\',
        '      org.opencontainers.image.licenses="Apache-2.0" \\',
        '      org.opencontainers.image.revision="9fceb02d0ae598e95dc970b74767f19372d61af8" \\',
        '      org.opencontainers.image.version="2.1.0-rc.1+build.5" \\',
        '      maintainer="web-team@example.com" \\',
        '      org.opencontainers.image.title="Acme web"',
      ].join('\n'),
      policy,
    },
    {
      name: 'values from variables are known only at build time',
      code: 'FROM alpine:3.20\nARG BUILD_DATE\nARG GIT_SHA=unknown\nLABEL org.opencontainers.image.created=$BUILD_DATE org.opencontainers.image.revision="${GIT_SHA}"',
      policy,
    },
    {
      name: 'labels outside the schema are not this rule’s',
      code: 'FROM alpine:3.20\nLABEL com.example.build-date="yesterday" description=""',
      policy,
    },
    {
      name: 'legacy form value',
      code: 'FROM alpine:3.20\nLABEL maintainer jane@example.com',
      policy,
    },
    {
      name: 'SPDX expressions, LicenseRef, case-insensitive ids',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND BSD-3-Clause"\nLABEL org.opencontainers.image.licenses="Apache-2.0 WITH LLVM-exception"\nLABEL org.opencontainers.image.licenses="LicenseRef-Acme-Proprietary"\nLABEL org.opencontainers.image.licenses="gpl-2.0+ or mit"',
      policy,
    },
    {
      name: 'a text label may hold anything but nothing',
      code: "FROM alpine:3.20\nLABEL org.opencontainers.image.title='<not> a $VAR, single-quoted'",
      policy,
    },
  ],
  invalid: [
    {
      name: 'empty value (DL3051), quoted and bare',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=""\nLABEL maintainer=',
      policy,
      errors: [
        { line: 2, severity: 'warning', message: /^The label `org.opencontainers.image.title` is empty/ },
        { line: 3, message: 'requires it with an email address' },
      ],
    },
    {
      name: 'URL without a scheme (DL3052)',
      code: 'FROM node:20\nLABEL org.opencontainers.image.source="github.com/acme/web"',
      policy,
      errors: [
        {
          line: 2,
          column: 39,
          message:
            'should hold an absolute URL (`label-schema` types it `url`), but `github.com/acme/web` has no scheme (write `https://github.com/acme/web`)',
        },
      ],
    },
    {
      name: 'RFC 3339 (DL3053): date only, no zone, impossible date',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01"\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00"\nLABEL org.opencontainers.image.created="2023-02-29T00:00:00Z"',
      policy,
      errors: [
        { line: 2, message: 'a date without a time' },
        { line: 3, message: 'no time zone offset' },
        { line: 4, message: 'not a date that exists' },
      ],
    },
    {
      name: 'SPDX (DL3054): prose name, unknown exception, bad expression',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache 2.0"\nLABEL org.opencontainers.image.licenses="GPL-2.0-only WITH Acme-exception"\nLABEL org.opencontainers.image.licenses="MIT OR"',
      policy,
      errors: [
        { line: 2, message: 'is not written as the SPDX id (`Apache-2.0`)' },
        { line: 3, message: '`Acme-exception` after `WITH`' },
        { line: 4, message: 'ends where a license id is expected' },
      ],
    },
    {
      name: 'git hash (DL3055): uppercase, too short, a branch name',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=9FCEB02\nLABEL org.opencontainers.image.revision=9fceb0\nLABEL org.opencontainers.image.revision=main',
      policy,
      errors: [
        { line: 2, message: 'uppercase' },
        { line: 3, message: '6 hex digits' },
        { line: 4, message: 'not hexadecimal' },
      ],
    },
    {
      name: 'semver (DL3056): leading v, two parts',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version="v2.1.0"\nLABEL org.opencontainers.image.version="2.1"',
      policy,
      errors: [
        { line: 2, message: 'starts with `v`, which is not part of a semantic version (write `2.1.0`)' },
        { line: 3, message: 'MAJOR.MINOR.PATCH' },
      ],
    },
    {
      name: 'email (DL3058): with a display name; ONBUILD too',
      code: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\nONBUILD LABEL maintainer="web team"',
      policy,
      errors: [
        { line: 2, message: 'takes the bare address (`jane@example.com`)' },
        { line: 3, message: 'is not an email address' },
      ],
    },
    {
      name: 'each stage of a multi-stage build',
      code: 'FROM golang:1.22 AS build\nLABEL org.opencontainers.image.version=1.0\nFROM scratch\nLABEL org.opencontainers.image.version=1.0.0 org.opencontainers.image.source=https://',
      policy,
      errors: [{ line: 2 }, { line: 4, message: 'is not a well-formed URL' }],
    },
  ],
});

describe('label formats', () => {
  const cases: [LabelType, string[], string[]][] = [
    [
      'url',
      [
        'https://github.com/acme/app',
        'http://localhost:8080/docs',
        'git+ssh://git@github.com/acme/app.git',
        'mailto:a@b.example',
      ],
      ['github.com/acme/app', '/docs', 'https://exa mple.com', 'not a url'],
    ],
    [
      'rfc3339',
      [
        '2024-05-01T12:30:00Z',
        '2024-05-01t12:30:00.123456z',
        '2024-02-29T23:59:60+14:00',
        '1999-12-31T23:59:59-05:30',
      ],
      [
        '2024-05-01',
        '2024-05-01 12:30:00Z',
        '2024-13-01T00:00:00Z',
        '2024-04-31T00:00:00Z',
        '2024-05-01T24:00:00Z',
        '2024-05-01T12:00:00+25:00',
        'yesterday',
      ],
    ],
    [
      'semver',
      [
        '0.0.0',
        '1.4.0',
        '1.0.0-alpha.1',
        '1.0.0-0.3.7',
        '1.0.0+20130313144700',
        '1.0.0-beta+exp.sha.5114f85',
      ],
      ['v1.4.0', '1.4', '01.4.0', '1.4.0-', '1.0.0-01', 'latest'],
    ],
    [
      'hash',
      ['9fceb02', '9fceb02d0ae5', '9fceb02d0ae598e95dc970b74767f19372d61af8', 'a'.repeat(64)],
      ['9fceb0', '9FCEB02', 'a'.repeat(41), 'main', 'g9fceb02'],
    ],
    [
      'email',
      [
        'jane@example.com',
        'web-team+images@mail.example.co.uk',
        '"jane doe"@example.com',
        'root@localhost',
        'ops@[192.0.2.1]',
      ],
      [
        'jane',
        'jane@',
        '@example.com',
        'Jane <jane@example.com>',
        'jane@exa mple.com',
        'jane..doe@example.com',
      ],
    ],
    [
      'spdx',
      [
        'MIT',
        'mit',
        'GPL-3.0-or-later',
        'GPL-2.0+',
        'LicenseRef-acme',
        'DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2',
        'MIT AND (LGPL-2.1-or-later OR BSD-3-Clause)',
        'GPL-2.0-only WITH Classpath-exception-2.0',
      ],
      ['MIT License', 'Apache', 'Proprietary', 'MIT AND', '(MIT', 'MIT)', 'MIT WITH', 'MIT Apache-2.0', ''],
    ],
    ['text', ['anything', 'ünïcode ✓'], []],
  ];
  for (const [type, good, bad] of cases) {
    it(`${type}: accepts ${good.length} and rejects ${bad.length}`, () => {
      for (const value of good) expect(formatProblem(type, value), `${type} ${value}`).toBeNull();
      for (const value of bad) expect(formatProblem(type, value), `${type} ${value}`).not.toBeNull();
    });
  }
});
