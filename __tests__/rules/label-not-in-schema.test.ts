// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/label-not-in-schema.js';
import { testRule } from '../support/rule-tester.js';

const labelSchema = { 'org.opencontainers.image.source': 'url', maintainer: 'email' } as const;
const strict = { labelSchema, strictLabels: true };

testRule(rule, {
  valid: [
    { name: 'nothing configured', code: 'FROM alpine:3.20\nLABEL anything=goes' },
    {
      name: 'strict-labels off (the default)',
      code: 'FROM alpine:3.20\nLABEL other.label=x',
      policy: { labelSchema },
    },
    {
      name: 'strict-labels without a schema does nothing',
      code: 'FROM alpine:3.20\nLABEL other.label=y',
      policy: { strictLabels: true },
    },
    {
      name: 'only schema labels, across stages and forms',
      code: 'FROM alpine:3.20 AS build\nLABEL maintainer="jane@example.com"\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\nLABEL maintainer jane@example.com',
      policy: strict,
    },
    {
      name: 'a key from a variable is not judged',
      code: 'FROM alpine:3.20\nARG KEY=maintainer\nLABEL ${KEY}=jane@example.com',
      policy: strict,
    },
  ],
  invalid: [
    {
      name: 'a misspelt label',
      code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/api" \\\n      org.opencontainers.image.licence="MIT"',
      policy: strict,
      errors: [
        {
          line: 3,
          column: 7,
          severity: 'info',
          message:
            /^The label `org.opencontainers.image.licence` is not in `label-schema`, and `strict-labels`/,
        },
      ],
    },
    {
      name: 'every stage, ONBUILD included; case matters',
      code: 'FROM alpine:3.20 AS build\nLABEL stage=build\nFROM alpine:3.20\nLABEL Maintainer="jane@example.com"\nONBUILD LABEL team=web',
      policy: strict,
      errors: [
        { line: 2, message: '`stage`' },
        { line: 4, message: '`Maintainer`' },
        { line: 5, message: '`team`' },
      ],
    },
  ],
});
