// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/untagged-base-image.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM debian:12-slim',
    {
      name: 'digest pin without tag',
      code: 'FROM ruby@sha256:f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9f1d',
    },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app' },
    {
      name: 'stage references, any case',
      code: 'FROM golang:1.22-alpine AS Build\nRUN go build ./...\nFROM build AS test\nRUN go test ./...\nfrom BUILD',
    },
    { name: 'image fully given by a variable', code: 'ARG BASE_IMAGE=ubuntu\nFROM ${BASE_IMAGE}' },
    {
      name: 'tag supplied by a global ARG default (hadolint#979)',
      code: 'ARG PY_TAG=:3.12-slim\nFROM python${PY_TAG}\nRUN pip --version',
    },
    { name: 'tag variable without default', code: 'ARG NODE_VERSION\nFROM node:${NODE_VERSION}-alpine' },
    { name: 'suffix variable without default: cannot tell', code: 'ARG VARIANT\nFROM python${VARIANT}' },
    {
      name: 'platform-specific stage name',
      code: 'FROM alpine:3.20 AS build-amd64\nARG TARGETARCH\nFROM build-${TARGETARCH}',
    },
    {
      name: 'expanded to an earlier stage name',
      code: 'ARG FLAVOR=slim\nFROM debian:12 AS base-slim\nFROM base-${FLAVOR}',
    },
    {
      name: 'registry from a variable, tag literal',
      code: 'ARG REGISTRY=ghcr.io/acme\nFROM ${REGISTRY}/app:1.4.2',
    },
    { name: 'registry with port', code: 'FROM localhost:5000/app:1.0' },
    { name: 'platform flag', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build' },
  ],
  invalid: [
    {
      name: 'no tag',
      code: 'FROM debian',
      errors: [{ line: 1, message: 'pulls `debian:latest`', column: 6 }],
    },
    {
      name: 'named stage without tag, after a tagged one',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM node AS unit-test\nRUN npm test',
      errors: [{ line: 3 }],
    },
    {
      name: 'registry with port, no tag',
      code: 'from localhost:5000/app as x',
      errors: [{ line: 1, message: '`localhost:5000/app`' }],
    },
    {
      name: 'suffix default makes an untagged name',
      code: 'ARG FLAVOR=-slim\nFROM python${FLAVOR}',
      errors: [{ line: 2, message: 'becomes `python-slim`' }],
    },
    {
      name: 'registry variable without default, repository literal',
      code: 'ARG REGISTRY\nFROM ${REGISTRY}/alpine',
      errors: [{ line: 2 }],
    },
    {
      name: 'a later stage name is not a stage reference',
      code: 'FROM builder\nRUN true\nFROM alpine:3.20 AS builder',
      errors: [{ line: 1 }],
    },
    {
      name: 'platform flag and continuation',
      code: 'FROM --platform=linux/amd64 \\\n  ubuntu AS base',
      errors: [{ line: 1, endLine: 2 }],
    },
  ],
});
