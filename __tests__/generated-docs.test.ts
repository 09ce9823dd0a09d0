/** Generated files are committed; this fails when they no longer match the rule metadata (run `npm run docs`). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/index.js';
import { readmeWithRuleTable, SCHEMA_PATH, schemaText } from '../scripts/gen-docs.js';

const root = new URL('../', import.meta.url);

describe('generated documentation', () => {
  it('the README rule table matches the rules', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(readme).toBe(readmeWithRuleTable(readme, allRules));
    for (const rule of allRules) expect(readme).toContain(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`);
  });

  it('the published config schema matches the rules', () => {
    expect(readFileSync(new URL(SCHEMA_PATH, root), 'utf8')).toBe(schemaText(allRules));
  });
});
