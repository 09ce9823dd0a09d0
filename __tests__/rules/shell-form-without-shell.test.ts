// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/shell-form-without-shell.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'exec form on distroless',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\nCMD ["--port", "8080"]',
    },
    {
      name: 'shell form in a builder stage on a full image; the final stage is distroless with exec form',
      code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app . && strip /out/app\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]',
    },
    {
      name: "distroless debug tags ship busybox's sh",
      code: 'FROM gcr.io/distroless/base-debian12:debug\nRUN mkdir /data\nCMD /app --verbose',
    },
    {
      name: 'debug-nonroot tag too',
      code: 'FROM gcr.io/distroless/static-debian12:debug-nonroot\nHEALTHCHECK CMD wget -q localhost:8080/health\nENTRYPOINT ["/app"]',
    },
    {
      name: 'a shell copied in from busybox before the RUN',
      code: 'FROM scratch\nCOPY --from=busybox:1.36 /bin/busybox /bin/sh\nRUN echo ok > /ok',
    },
    {
      name: 'a whole root file system copied in',
      code: 'FROM alpine:3.20 AS rootfs\nRUN apk add --no-cache curl\nFROM scratch\nCOPY --from=rootfs / /\nCMD echo started && exec /app',
    },
    {
      name: 'SHELL set on purpose',
      code: 'FROM gcr.io/distroless/python3-debian12\nSHELL ["/usr/bin/python3", "-c"]\nRUN print("hello")',
    },
    {
      name: 'HEALTHCHECK NONE and exec-form HEALTHCHECK',
      code: 'FROM gcr.io/distroless/static\nHEALTHCHECK --interval=30s CMD ["/app", "health"]\nFROM gcr.io/distroless/static AS other\nHEALTHCHECK NONE\nENTRYPOINT ["/app"]',
    },
    {
      name: 'a shell-form CMD under an exec-form ENTRYPOINT only becomes its arguments: no shell runs',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY api /api\nENTRYPOINT ["/api"]\nCMD --port 8080',
    },
    {
      name: "distroless language images have their own ENTRYPOINT: CMD becomes the runtime's arguments",
      code: 'FROM gcr.io/distroless/python3-debian12\nCOPY app.py /app.py\nCMD /app.py --serve',
    },
    {
      name: 'an overridden CMD never runs (single-cmd reports it)',
      code: 'FROM scratch\nCOPY app /app\nCMD /app\nCMD ["/app"]',
    },
    {
      name: 'ordinary images have a shell',
      code: 'FROM debian:12-slim\nRUN apt-get update\nCMD echo hi',
    },
    {
      name: 'other Chainguard images are not assumed shell-less',
      code: 'FROM cgr.dev/chainguard/wolfi-base\nRUN echo hi',
    },
  ],
  invalid: [
    {
      name: 'shell-form ENTRYPOINT on distroless: the container never starts',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT /app --port 8080',
      errors: [{ line: 3, severity: 'error', message: 'fails to start', fix: 'none' }],
    },
    {
      name: 'RUN on scratch fails the build',
      code: 'FROM scratch\nCOPY app /app\nRUN chmod +x /app\nENTRYPOINT ["/app"]',
      errors: [{ line: 3, message: 'the build fails at this step' }],
    },
    {
      name: 'a RUN before the shell is copied in still fails',
      code: 'FROM scratch\nRUN mkdir /data\nCOPY --from=busybox:1.36 /bin/busybox /bin/sh',
      errors: [{ line: 2 }],
    },
    {
      name: 'HEALTHCHECK in shell form, with options',
      code: 'FROM gcr.io/distroless/nodejs20-debian12\nCOPY . /app\nHEALTHCHECK --interval=30s --timeout=3s CMD node /app/health.js\nCMD ["/app/server.js"]',
      errors: [{ line: 3, message: 'unhealthy' }],
    },
    {
      name: 'a stage built FROM a distroless stage, base written with a global ARG, digest pinned',
      code: 'ARG BASE=gcr.io/distroless/static-debian12@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM ${BASE} AS runtime\nCOPY app /app\nFROM runtime\nCMD /app serve',
      errors: [{ line: 5, message: '`${BASE}`' }],
    },
    {
      name: "Chainguard's static image, multi-line CMD",
      code: 'FROM cgr.dev/chainguard/static:latest\nCOPY app /app\nCMD /app \\\n  --serve',
      errors: [{ line: 3, endLine: 4 }],
    },
  ],
});
