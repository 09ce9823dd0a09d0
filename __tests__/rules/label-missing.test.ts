// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/label-missing.js';
import { testRule } from '../support/rule-tester.js';

const schema = {
  labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' },
} as const;
const SOURCE = 'org.opencontainers.image.source="https://github.com/acme/app"';
const VERSION = 'org.opencontainers.image.version="1.4.0"';

testRule(rule, {
  valid: [
    { name: 'no schema: nothing is required', code: 'FROM alpine:3.20\nRUN true' },
    {
      name: 'every label, in one LABEL',
      code: `FROM alpine:3.20\nLABEL ${SOURCE} \\\n      ${VERSION}`,
      policy: schema,
    },
    {
      name: 'labels in several LABELs, one of them legacy form',
      code: `FROM alpine:3.20\nLABEL ${SOURCE}\nLABEL org.opencontainers.image.version 1.4.0`,
      policy: schema,
    },
    {
      name: 'a builder stage used by COPY --from needs none',
      code: `FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM gcr.io/distroless/static-debian12\nLABEL ${SOURCE} ${VERSION}\nCOPY --from=build /out/app /app`,
      policy: schema,
    },
    {
      name: 'a stage used by index or by RUN --mount needs none',
      code: `FROM golang:1.22\nRUN go build -o /out/app\nFROM node:20 AS assets\nRUN npm run build\nFROM alpine:3.20\nLABEL ${SOURCE} ${VERSION}\nCOPY --from=0 /out/app /app\nRUN --mount=type=bind,from=assets,source=/dist,target=/mnt cp -r /mnt /srv`,
      policy: schema,
    },
    {
      name: 'labels inherited from the stage built FROM',
      code: `FROM alpine:3.20 AS base\nLABEL ${SOURCE} ${VERSION}\nFROM base AS runtime\nRUN adduser -D app\nFROM runtime\nUSER app`,
      policy: schema,
    },
    {
      name: 'labels with variable values still count as set',
      code: 'FROM alpine:3.20\nARG VERSION\nLABEL org.opencontainers.image.source=$SOURCE_URL org.opencontainers.image.version=${VERSION}',
      policy: schema,
    },
    {
      name: 'a key built from a variable may be a required one',
      code: 'FROM alpine:3.20\nARG NS=org.opencontainers.image\nLABEL ${NS}.source=https://x.example ${NS}.version=1.0.0',
      policy: schema,
    },
  ],
  invalid: [
    {
      name: 'the last stage lacks one label',
      code: `FROM golang:1.22 AS build\nRUN go build -o /out/app\n\nFROM gcr.io/distroless/static-debian12\nLABEL ${SOURCE}\nCOPY --from=build /out/app /app`,
      policy: schema,
      errors: [
        {
          line: 4,
          column: 1,
          severity: 'info',
          message:
            /^The last stage, the image `docker build` produces by default, lacks the label `org.opencontainers.image.version` that `label-schema` requires/,
        },
      ],
    },
    {
      name: 'all labels missing: one finding naming both',
      code: 'FROM python:3.12-slim AS app\nCOPY . /app',
      policy: schema,
      errors: [
        {
          line: 1,
          message:
            'The last stage (`app`), the image `docker build` produces by default, lacks the labels `org.opencontainers.image.source`, `org.opencontainers.image.version`',
        },
      ],
    },
    {
      name: 'a stage no one uses (a --target) is checked too',
      code: `FROM node:20 AS test\nRUN npm test\nFROM node:20 AS release\nLABEL ${SOURCE} ${VERSION}\nCMD ["node", "server.js"]`,
      policy: schema,
      errors: [{ line: 1, message: 'The stage `test`, which `docker build --target` can produce' }],
    },
    {
      name: 'ONBUILD LABEL labels child images, not this one',
      code: `FROM alpine:3.20\nONBUILD LABEL ${SOURCE} ${VERSION}`,
      policy: schema,
      errors: [{ line: 1 }],
    },
    {
      name: 'a label on a sibling stage does not count',
      code: `FROM alpine:3.20 AS base\nFROM base AS labelled\nLABEL ${SOURCE} ${VERSION}\nFROM base\nRUN true`,
      policy: schema,
      errors: [{ line: 4 }],
    },
    {
      name: 'names compare exactly',
      code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.Source="https://x.example" org.opencontainers.image.version=1.0.0',
      policy: schema,
      errors: [{ line: 1, message: '`org.opencontainers.image.source`' }],
    },
    {
      name: 'FROM with --platform and a continued line: reported on its first line',
      code: 'ARG BASE=alpine:3.20\nFROM --platform=$BUILDPLATFORM \\\n  ${BASE}\nRUN true',
      policy: { labelSchema: { maintainer: 'email' } },
      errors: [{ line: 2, endLine: 2, message: '`maintainer`' }],
    },
  ],
});
