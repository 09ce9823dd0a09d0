/**
 * Every rule ships with its doc, and the doc tells the truth: the title and description match the
 * rule's metadata, the required sections exist, every "Bad" example triggers the rule and no "Good"
 * example does (after ESLint's checkRuleFiles and typescript-eslint's docs tests).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { allRules } from '../src/rules/index.js';

const docsDir = new URL('../docs/rules/', import.meta.url);
const rulesDir = new URL('../src/rules/', import.meta.url);
const testsDir = new URL('./rules/', import.meta.url);
const ENGINE_ONLY = new Set(['file-too-large', 'internal-error']);

/** Each ```dockerfile example, with the ```dockerignore block written just before it, if any. */
function examples(doc: string, heading: 'Bad' | 'Good'): { code: string; dockerignore: string | null }[] {
  const section = doc.split(/^### /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  return [...section.matchAll(/(?:```dockerignore\n([\s\S]*?)```\s*)?```dockerfile\n([\s\S]*?)```/g)].map(
    (match) => ({
      code: match[2],
      dockerignore: match[1] ?? null,
    }),
  );
}

describe('rule files, docs and tests stay in step', () => {
  it('the registry holds exactly the rule files', () => {
    const files = readdirSync(rulesDir)
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(allRules.map((rule) => rule.id)).toEqual(files);
  });

  it('ids are unique kebab-case', () => {
    for (const rule of allRules) expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(allRules.map((rule) => rule.id)).size).toBe(allRules.length);
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      const docPath = new URL(`${rule.id}.md`, docsDir);
      // Read lazily: a missing doc fails its own test, not the whole file.
      const readDoc = () => {
        expect(existsSync(docPath), `docs/rules/${rule.id}.md is missing`).toBe(true);
        return readFileSync(docPath, 'utf8');
      };

      it('has a doc whose title and summary match the metadata', () => {
        const doc = readDoc();
        expect(doc.startsWith(`# ${rule.id}\n\n> ${rule.description}\n`)).toBe(true);
        for (const heading of ['## Why', '## Examples', '## How to disable'])
          expect(doc).toContain(`\n${heading}\n`);
        if (rule.fixable !== 'never') expect(doc).toContain('\n## Fix safety\n');
      });

      it('has a table-driven test file', () => {
        if (ENGINE_ONLY.has(rule.id)) return;
        expect(readdirSync(testsDir)).toContain(`${rule.id}.test.ts`);
      });

      it('Bad examples trigger the rule and Good examples do not', () => {
        if (ENGINE_ONLY.has(rule.id)) return;
        const doc = readDoc();
        const bad = examples(doc, 'Bad');
        const good = examples(doc, 'Good');
        expect(bad.length).toBeGreaterThan(0);
        expect(good.length).toBeGreaterThan(0);
        // An off-by-default rule is turned on for its own examples, as a user would in the config.
        const ruleSettings = rule.enabledByDefault === false ? { [rule.id]: rule.severity } : {};
        const fires = ({ code, dockerignore }: { code: string; dockerignore: string | null }) =>
          lintText(code, { rules: allRules, ruleSettings, dockerignore }).findings.some(
            (finding) => finding.ruleId === rule.id,
          );
        for (const example of bad)
          expect(fires(example), `Bad example does not trigger:\n${example.code}`).toBe(true);
        for (const example of good)
          expect(fires(example), `Good example triggers:\n${example.code}`).toBe(false);
      });
    });
  }
});
