// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/add-instead-of-copy.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'URL', code: 'FROM alpine:3.20\nADD https://example.com/tool.sh /usr/local/bin/tool' },
    {
      name: 'local tarball to unpack (official-image style)',
      code: 'FROM scratch\nADD alpine-minirootfs-3.20.0-x86_64.tar.gz /\nCMD ["/bin/sh"]',
    },
    {
      name: 'other archive extensions',
      code: 'FROM debian:12\nADD a.tar b.tgz c.tar.bz2 d.tar.xz e.TAR.GZ f.tar.zst /opt/',
    },
    {
      name: 'git source',
      code: 'FROM alpine:3.20\nADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.14.0 /src',
    },
    { name: 'git over ssh', code: 'FROM alpine:3.20\nADD git@github.com:acme/private.git /src' },
    {
      name: 'checksum-pinned download',
      code: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x.bin /x',
    },
    { name: 'heredoc ADD', code: 'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF' },
    { name: 'COPY is the right instruction', code: 'FROM node:20\nCOPY package.json ./' },
    {
      name: 'URL from an ARG default (hadolint#769)',
      code: 'FROM alpine:3.20\nARG URL=https://example.com/app.bin\nADD ${URL} /app',
    },
    {
      name: 'source from an ARG without default: cannot tell',
      code: 'FROM alpine:3.20\nARG SRC\nADD $SRC /app/',
    },
    {
      name: 'archive name with a version variable',
      code: 'FROM alpine:3.20\nARG V\nADD node-v${V}-linux-x64.tar.xz /opt/',
    },
    { name: 'ONBUILD ADD of a variable', code: 'FROM alpine:3.20\nONBUILD ADD $PKG /pkg/' },
  ],
  invalid: [
    {
      name: 'local file: safe fix',
      code: 'FROM python:3.12-slim\nADD requirements.txt /app/\nRUN pip install -r /app/requirements.txt',
      errors: [{ line: 2, message: '`requirements.txt`', fix: 'safe' }],
      output: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\nRUN pip install -r /app/requirements.txt',
    },
    {
      name: 'whole context, lowercase keyword kept',
      code: 'FROM node:20\nWORKDIR /app\nadd . .',
      errors: [{ line: 3, fix: 'safe' }],
      output: 'FROM node:20\nWORKDIR /app\ncopy . .',
    },
    {
      name: '.zip is not unpacked',
      code: 'FROM eclipse-temurin:21\nADD --chown=1000:1000 dist/app.zip /opt/',
      errors: [{ line: 2, message: 'does not unpack `.zip`', fix: 'safe' }],
      output: 'FROM eclipse-temurin:21\nCOPY --chown=1000:1000 dist/app.zip /opt/',
    },
    {
      name: 'glob: unsafe fix, since ADD unpacks what it matches',
      code: 'FROM alpine:3.20\nADD dist/* /srv/',
      errors: [{ line: 2, fix: 'unsafe' }],
      unsafeOutput: 'FROM alpine:3.20\nCOPY dist/* /srv/',
    },
    {
      name: 'mixed URL and local file: no fix',
      code: 'FROM alpine:3.20\nADD https://example.com/a.sh entrypoint.sh /usr/local/bin/',
      errors: [{ line: 2, message: '`entrypoint.sh`', fix: 'none' }],
    },
    {
      name: 'local file from an ARG default: unsafe fix',
      code: 'FROM alpine:3.20\nARG CONFIG=config/prod.yaml\nADD ${CONFIG} /etc/app.yaml',
      errors: [{ line: 3, fix: 'unsafe' }],
    },
    {
      name: 'JSON form, continued',
      code: 'FROM alpine:3.20\nADD ["my file.txt", \\\n  "/data/"]',
      errors: [{ line: 2, endLine: 3, fix: 'safe' }],
      output: 'FROM alpine:3.20\nCOPY ["my file.txt", \\\n  "/data/"]',
    },
    {
      name: 'ONBUILD ADD of local files',
      code: 'FROM node:20\nONBUILD ADD . /usr/src/app',
      errors: [{ line: 2, fix: 'safe' }],
      output: 'FROM node:20\nONBUILD COPY . /usr/src/app',
    },
    {
      name: 'escape directive, Windows paths',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nADD app\\bin C:\\app\\',
      errors: [{ line: 3, fix: 'safe' }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app\\bin C:\\app\\',
    },
  ],
});
