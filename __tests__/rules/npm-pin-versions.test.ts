// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/npm-pin-versions.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'lockfile installs (node image pattern)',
      code: 'FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm install',
    },
    {
      name: 'versions, scoped and unscoped',
      code: 'FROM node:20\nRUN npm install -g npm@10.5.0 @angular/cli@17.3.0 "typescript@~5.4"',
    },
    {
      name: 'git refs, tarballs and folders',
      code: 'FROM node:20\nRUN npm i git+https://github.com/org/lib.git#v1.2.0 ./vendor/lib https://example.com/pkg-1.0.0.tgz org/repo#abc123',
    },
    {
      name: 'option values are not packages',
      code: 'FROM node:20\nRUN npm install --prefix /opt/app --registry https://registry.example.com --omit dev',
    },
    {
      name: 'a version in a variable',
      code: 'FROM node:20\nARG PNPM_VERSION=8.15.4\nRUN npm install -g "pnpm@${PNPM_VERSION}"',
    },
    { name: 'a package list in a variable', code: 'FROM node:20\nRUN npm install -g $GLOBAL_PACKAGES' },
    {
      name: 'other npm commands',
      code: 'FROM node:20\nRUN npm run build && npm uninstall -g lodash && npm cache clean --force',
    },
    { name: 'an npm alias with a version', code: 'FROM node:20\nRUN npm install lodash4@npm:lodash@4.17.21' },
  ],
  invalid: [
    {
      name: 'hadolint DL3016',
      code: 'FROM node:20\nRUN npm install -g typescript',
      errors: [{ line: 2, message: '`typescript`', fix: 'none' }],
    },
    {
      name: 'a scope is not a version; npm i alias',
      code: 'FROM node:20\nRUN npm i @nestjs/cli express@4.19.2',
      errors: [{ line: 2, message: '`@nestjs/cli`' }],
    },
    {
      name: '@latest asks for the newest release (hadolint accepts it)',
      code: 'FROM node:20\nRUN npm install -g npm@latest',
      errors: [{ line: 2, message: '`npm@latest`' }],
    },
    {
      name: 'git URL without a ref, multi-line',
      code: 'FROM node:20\nRUN npm install \\\n      --no-save \\\n      git+https://github.com/org/lib.git',
      errors: [{ line: 2, endLine: 4 }],
    },
    {
      name: 'heredoc RUN, sh -c and ONBUILD RUN',
      code: 'FROM node:20\nRUN <<EOF\nnpm install -g pm2\nEOF\nRUN sh -c "npm install -g nodemon"\nONBUILD RUN npm install -g serve',
      errors: [{ line: 2, endLine: 3 }, { line: 5 }, { line: 6 }],
    },
  ],
});
