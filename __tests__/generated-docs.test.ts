/** Generated files are committed; this fails when they no longer match the rule metadata (run `npm run docs`). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  coverage,
  PARITY_PATH,
  parityText,
  readmeWithRuleTable,
  ruleDocPath,
  ruleDocWithTable,
  SCHEMA_PATH,
  schemaText,
  VALIDATOR_PATH,
  validatorText,
} from '../scripts/gen-docs.js';
import { BUILDKIT_CHECKS, HADOLINT_RULES, NOT_COVERED } from '../scripts/parity-data.js';
import { allRules } from '../src/rules/index.js';

const root = new URL('../', import.meta.url);

describe('generated documentation', () => {
  it('the README rule table matches the rules', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(readme).toBe(readmeWithRuleTable(readme, allRules));
    for (const rule of allRules) expect(readme).toContain(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`);
  });

  it("each rule doc's metadata table matches the rule", () => {
    for (const rule of allRules) {
      const doc = readFileSync(new URL(ruleDocPath(rule), root), 'utf8');
      expect(doc, ruleDocPath(rule)).toBe(ruleDocWithTable(doc, rule));
    }
  });

  it("docs/parity.md matches the rules' refs", () => {
    expect(readFileSync(new URL(PARITY_PATH, root), 'utf8')).toBe(parityText(allRules));
  });

  it('every reference check is covered by a rule or explained, never both, and refs name real checks', () => {
    const covered = coverage(allRules);
    const known = new Set([...BUILDKIT_CHECKS, ...HADOLINT_RULES]);
    for (const code of known) expect(covered.has(code) !== code in NOT_COVERED, code).toBe(true);
    for (const code of covered.keys()) expect(known.has(code), `unknown ref ${code}`).toBe(true);
    for (const code of Object.keys(NOT_COVERED)) expect(known.has(code), `unknown code ${code}`).toBe(true);
  });

  it('the published config schema matches the rules', () => {
    expect(readFileSync(new URL(SCHEMA_PATH, root), 'utf8')).toBe(schemaText(allRules));
  });

  it('the precompiled config validator matches the schema', () => {
    expect(readFileSync(new URL(VALIDATOR_PATH, root), 'utf8')).toBe(validatorText(allRules));
  });
});
