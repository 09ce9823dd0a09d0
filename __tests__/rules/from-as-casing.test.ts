import rule from '../../src/rules/from-as-casing.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    'FROM alpine AS build\nRUN make',
    'from alpine as build\nrun make',
    { name: 'no AS at all', code: 'FROM alpine\nCMD ["x"]' },
    {
      name: 'upstream testConsistentInstructionCasing: a mixed-case From is the other rule’s finding',
      code: '\n#\nFrom scratch as base\nFROM scratch AS base2\n',
    },
    { name: 'mixed-case fRoM with any as', code: 'fRoM alpine AS x\nfRoM alpine as y' },
    { name: 'a stage literally named as', code: 'FROM alpine AS as\nFROM as' },
    { name: 'ONBUILD is not a FROM', code: 'FROM alpine AS base\nONBUILD RUN echo as' },
  ],
  invalid: [
    {
      name: 'upstream testStageName: uppercase FROM, lowercase as',
      code: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\n#\nFROM scratch as base2\n\nFROM scratch AS base3\n',
      errors: [{ line: 7, column: 14, message: '`as` does not match the case of `FROM`', fix: 'safe' }],
      output:
        '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\n#\nFROM scratch AS base2\n\nFROM scratch AS base3\n',
    },
    {
      name: 'upstream testStageName: lowercase from, uppercase AS',
      code: '\n#\nfrom scratch AS base\n\nfrom scratch as base2\n',
      errors: [{ line: 3, message: '`AS` does not match the case of `from`' }],
      output: '\n#\nfrom scratch as base\n\nfrom scratch as base2\n',
    },
    {
      name: 'mixed-case As with an uppercase FROM',
      code: 'FROM golang:1.22 As build\nRUN go build\nFROM alpine\nCOPY --from=build /app /app',
      errors: [{ line: 1 }],
      output: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nCOPY --from=build /app /app',
    },
    {
      name: 'with --platform and a continuation line: reported on the FROM line, as BuildKit does',
      code: 'FROM --platform=$BUILDPLATFORM \\\n  golang:1.22 as build\nRUN make',
      errors: [{ line: 1 }],
      output: 'FROM --platform=$BUILDPLATFORM \\\n  golang:1.22 AS build\nRUN make',
    },
    {
      name: 'every stage is checked',
      code: 'FROM alpine as a\nFROM alpine AS b\nFROM alpine as c',
      errors: [{ line: 1 }, { line: 3 }],
      output: 'FROM alpine AS a\nFROM alpine AS b\nFROM alpine AS c',
    },
    {
      name: 'escape directive does not matter',
      code: '# escape=`\nfrom mcr.microsoft.com/windows/servercore:ltsc2022 AS build\nrun dir c:\\',
      errors: [{ line: 2 }],
      output: '# escape=`\nfrom mcr.microsoft.com/windows/servercore:ltsc2022 as build\nrun dir c:\\',
    },
  ],
});
