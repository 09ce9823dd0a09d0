// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/consistent-instruction-casing.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'upstream: all lowercase', code: '\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n' },
    { name: 'upstream: all uppercase', code: '\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n' },
    {
      name: 'upstream: a heredoc body is not instructions',
      code: "\nFROM alpine\nRUN <<'EOT'\nenv\nEOT\n",
    },
    {
      name: 'global ARGs before the first FROM are neither counted nor checked',
      code: 'arg VERSION=1\narg BASE=alpine\nFROM ${BASE}\nRUN echo $VERSION',
    },
    { name: 'the ONBUILD trigger keyword is not checked', code: 'FROM alpine\nONBUILD run make\nCMD ["x"]' },
    { name: 'the AS keyword is not an instruction', code: 'FROM alpine as base\nRUN make' },
    { name: 'keyword-like words in arguments', code: 'FROM alpine\nRUN echo from copy Run' },
  ],
  invalid: [
    {
      name: 'upstream: mixed-case From, majority uppercase',
      code: '\n#\nFrom scratch as base\nFROM scratch AS base2\n',
      errors: [{ line: 3, message: '`From` mixes upper and lower case', fix: 'safe' }],
      output: '\n#\nFROM scratch as base\nFROM scratch AS base2\n',
    },
    {
      name: 'upstream: a tie counts as uppercase',
      code: '\nFROM scratch\n#\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n',
      errors: [{ line: 4, message: 'not uppercase like most instructions' }],
      output: '\nFROM scratch\n#\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n',
    },
    {
      name: 'upstream: mixed-case frOM, majority lowercase',
      code: '\n#\nfrOM scratch as base\nfrom scratch as base2\n',
      errors: [{ line: 3, message: 'most instructions here are lowercase' }],
      output: '\n#\nfrom scratch as base\nfrom scratch as base2\n',
    },
    {
      name: 'upstream: uppercase COPY, majority lowercase',
      code: '\nfrom scratch\n#\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n',
      errors: [{ line: 4, message: 'not lowercase' }],
      output: '\nfrom scratch\n#\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n',
    },
    {
      name: 'upstream: lowercase from, majority uppercase',
      code: '\n#\n#\nfrom scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\nCOPY Dockerfile /baz\n',
      errors: [{ line: 4 }],
      output: '\n#\n#\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\nCOPY Dockerfile /baz\n',
    },
    {
      name: 'upstream: uppercase FROM, majority lowercase',
      code: '\n#\n#\nFROM scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\ncopy Dockerfile /baz\n',
      errors: [{ line: 4 }],
      output: '\n#\n#\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\ncopy Dockerfile /baz\n',
    },
    {
      name: 'every stage and a continued instruction; ONBUILD counted by its own keyword',
      code: 'FROM node:20 AS build\nRUN npm ci \\\n  && npm run build\nonbuild RUN make\nFROM nginx:1.27\nCopy --from=build /dist /usr/share/nginx/html',
      errors: [{ line: 4 }, { line: 6 }],
      output:
        'FROM node:20 AS build\nRUN npm ci \\\n  && npm run build\nONBUILD RUN make\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html',
    },
  ],
});
