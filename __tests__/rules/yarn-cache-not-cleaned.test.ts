import rule from '../../src/rules/yarn-cache-not-cleaned.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'install then cache clean in one RUN',
      code: 'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean',
    },
    {
      name: 'yarn 2+ cache clean --all',
      code: 'FROM node:20\nRUN yarn install --immutable \\\n && yarn cache clean --all',
    },
    {
      name: 'cache mount on yarn 1 cache',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile',
    },
    {
      name: 'cache mount on the folder given by --cache-folder',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/yarn-cache yarn install --cache-folder /yarn-cache',
    },
    {
      name: 'cache mount on the folder given by ENV YARN_CACHE_FOLDER',
      code: 'FROM node:20\nENV YARN_CACHE_FOLDER=/cache/yarn\nRUN --mount=type=cache,target=/cache yarn install',
    },
    {
      name: 'the cache folder is deleted',
      code: 'FROM node:20\nRUN yarn global add pm2@5.3.1 && rm -rf /usr/local/share/.cache/yarn',
    },
    { name: 'rm of $(yarn cache dir)', code: 'FROM node:20\nRUN yarn && rm -rf "$(yarn cache dir)"' },
    {
      name: 'a builder stage only copied from',
      code: 'FROM node:20 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html',
    },
    {
      name: 'yarn scripts and yarn --version do not install',
      code: 'FROM node:20\nRUN yarn --version && yarn build && yarn run test',
    },
  ],
  invalid: [
    {
      name: 'hadolint DL3060',
      code: 'FROM node:20\nRUN yarn install --frozen-lockfile',
      errors: [{ line: 2, severity: 'info', message: '`yarn install`', fix: 'none' }],
    },
    {
      name: 'bare yarn installs too (hadolint only knows `yarn install`)',
      code: 'FROM node:20\nRUN yarn --frozen-lockfile --production',
      errors: [{ line: 2, message: '`yarn`' }],
    },
    {
      name: 'yarn global add and yarn add fill the cache too',
      code: 'FROM node:20\nRUN yarn global add pm2@5.3.1\nRUN yarn add express@4.19.2',
      errors: [
        { line: 2, message: '`yarn global add`' },
        { line: 3, message: '`yarn add`' },
      ],
    },
    {
      name: 'cache clean before the install does not count; a mount elsewhere neither',
      code: 'FROM node:20\nRUN --mount=type=cache,target=/root/.npm yarn cache clean && yarn install',
      errors: [{ line: 2 }],
    },
    {
      name: 'the base of the final stage, heredoc RUN, sh -c and ONBUILD RUN',
      code: 'FROM node:20 AS deps\nRUN <<EOF\nyarn install\nEOF\nRUN sh -c "cd /app && yarn"\nFROM deps\nONBUILD RUN yarn install',
      errors: [{ line: 2, endLine: 3 }, { line: 5 }, { line: 7 }],
    },
  ],
});
