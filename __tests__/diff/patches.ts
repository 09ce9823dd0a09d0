/**
 * Patches as GitHub returns them in `pulls.listFiles` (hunks only, no `diff --git`/`---`/`+++` lines,
 * no final newline). Each was produced by `git diff --no-index` on the Dockerfiles described, then
 * stripped of the file header, which is what GitHub does.
 */

const lines = (...patchLines: string[]): string => patchLines.join('\n');

/** A two-stage Node build: `npm install` → `npm ci` (line 5), and a HEALTHCHECK plus exec-form CMD at 16–17. */
export const MULTI_HUNK = lines(
  '@@ -2,7 +2,7 @@',
  ' FROM node:20 AS build',
  ' WORKDIR /app',
  ' COPY package*.json ./',
  '-RUN npm install',
  '+RUN npm ci',
  ' COPY . .',
  ' RUN npm run build',
  ' ',
  '@@ -13,4 +13,5 @@ COPY --from=build /app/dist ./dist',
  ' COPY --from=build /app/node_modules ./node_modules',
  ' EXPOSE 3000',
  ' USER node',
  '-CMD node dist/server.js',
  '+HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1',
  '+CMD ["node", "dist/server.js"]',
);

/** A new three-line file without a final newline. */
export const NEW_FILE = lines(
  '@@ -0,0 +1,3 @@',
  '+FROM alpine:3.20',
  '+RUN apk add --no-cache curl',
  '+ENTRYPOINT ["curl"]',
  '\\ No newline at end of file',
);

/** A removed file: nothing on the RIGHT side. */
export const DELETED_FILE = lines('@@ -1,3 +0,0 @@', '-FROM alpine:3.20', '-RUN apk add curl', '-CMD sh');

/** The old file lacked a final newline; the new one adds it while changing the CMD. */
export const NO_NEWLINE_OLD_SIDE = lines(
  '@@ -1,2 +1,2 @@',
  ' FROM alpine',
  '-CMD sh',
  '\\ No newline at end of file',
  '+CMD ["sh"]',
);

/** Both sides lack the final newline, so the marker follows a context line. */
export const NO_NEWLINE_CONTEXT = lines(
  '@@ -1,2 +1,2 @@',
  '-FROM alpine',
  '+FROM alpine:3.20',
  ' CMD sh',
  '\\ No newline at end of file',
);

/** A one-line file: diff omits counts of 1. */
export const COUNTS_OMITTED = lines('@@ -1 +1 @@', '-FROM alpine', '+FROM alpine:3.20');

/** A package inserted into a multi-line RUN, diffed with one line of context (`-U1`). */
export const CONTINUATION_INSERT = lines(
  '@@ -3,2 +3,3 @@ RUN apt-get update && \\',
  '     apt-get install -y \\',
  '+      ca-certificates \\',
  '       curl \\',
);

/** Zero-context hunks (`-U0`): an insertion after line 2, then a deletion after new line 3. */
export const ZERO_CONTEXT = lines(
  '@@ -2,0 +3 @@ RUN x',
  '+USER app',
  '@@ -4 +4,0 @@ CMD y',
  '-HEALTHCHECK NONE',
);

/** MULTI_HUNK as it arrives when a client converted line endings to CRLF, with a final newline. */
export const MULTI_HUNK_CRLF = `${MULTI_HUNK.split('\n').join('\r\n')}\r\n`;
