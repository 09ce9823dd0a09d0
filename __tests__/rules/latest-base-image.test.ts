// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/latest-base-image.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM node:20.11-bookworm-slim',
    { name: 'untagged is untagged-base-image, not this rule', code: 'FROM debian' },
    {
      name: 'latest pinned by digest',
      code: 'FROM alpine:latest@sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b',
    },
    { name: 'a tag that contains latest', code: 'FROM myorg/app:latest-stable' },
    { name: 'case matters in tags', code: 'FROM myorg/app:LATEST' },
    { name: 'variable tag without default', code: 'ARG TAG\nFROM alpine:${TAG}' },
    { name: 'whole image from a variable', code: 'ARG IMAGE=alpine:latest\nFROM $IMAGE' },
    { name: 'stage reference', code: 'FROM alpine:3.20 AS latest\nFROM latest' },
    {
      name: 'variable tag with a pinned default',
      code: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}',
    },
  ],
  invalid: [
    {
      name: 'literal latest',
      code: 'FROM ubuntu:latest\nRUN true',
      errors: [{ line: 1, message: 'follows the `latest` tag' }],
    },
    {
      name: 'multi-stage: builder on latest',
      code: 'FROM golang:latest AS build\nRUN go build\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /app /',
      errors: [{ line: 1 }],
    },
    {
      name: 'latest from a global ARG default',
      code: 'ARG NODE_TAG=latest\nFROM node:${NODE_TAG} AS deps',
      errors: [{ line: 2, message: 'becomes `node:latest`' }],
    },
    {
      name: 'registry path',
      code: 'from ghcr.io/acme/tool:latest',
      errors: [{ line: 1, message: '`ghcr.io/acme/tool:<version>`' }],
    },
    {
      name: 'unknown registry, literal latest',
      code: 'ARG REGISTRY\nFROM $REGISTRY/base:latest',
      errors: [{ line: 2 }],
    },
  ],
});
