/**
 * Validation against the SARIF 2.1.0 JSON Schema as published by OASIS (rtm.5, shipped in the
 * @microsoft/jest-sarif package; only its schema file is used). It is a draft-04 schema, hence ajv-draft-04.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';

const require = createRequire(import.meta.url);
const schemaPath = join(
  dirname(require.resolve('@microsoft/jest-sarif/package.json')),
  'lib/schemas/sarif-2.1.0-rtm.5.json',
);

const Ajv = ajvDraft04.default;
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  // The schema's `language` pattern ends in a stray `]?`, legal only in non-Unicode regular expressions.
  unicodeRegExp: false,
  // The schema's formats, checked with the platform's URL parser rather than another dependency.
  formats: {
    uri: (value: string) => URL.canParse(value),
    'uri-reference': (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'),
    'date-time': (value: string) => !Number.isNaN(Date.parse(value)),
  },
});
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

/** The schema violations of a SARIF log, as readable strings; empty when it is valid. */
export function validateSarif(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
