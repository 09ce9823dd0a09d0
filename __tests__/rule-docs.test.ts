/**
 * Every rule ships with its doc, and the doc tells the truth: the title and description match the
 * rule's metadata, the required sections exist, every "Bad" example triggers the rule and no "Good"
 * example does (after ESLint's checkRuleFiles and typescript-eslint's docs tests).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configPolicy, parseConfig } from '../src/config/config.js';
import { lintText, type RuleSetting } from '../src/engine/lint.js';
import type { Policy } from '../src/engine/types.js';
import { allRules } from '../src/rules/index.js';

const docsDir = new URL('../docs/rules/', import.meta.url);
const rulesDir = new URL('../src/rules/', import.meta.url);
const testsDir = new URL('./rules/', import.meta.url);
const ENGINE_ONLY = new Set(['file-too-large', 'internal-error']);

interface Example {
  readonly code: string;
  readonly dockerignore: string | null;
  /** The `.dockerfile-review.yml` the example is linted under, when the doc gives one. */
  readonly config: string | null;
}

/**
 * Each ```dockerfile example, with the ```yaml config (`.dockerfile-review.yml`) and the ```dockerignore block
 * written just before it, in that order, if any. A config block that no example follows is an error.
 */
function examples(doc: string, heading: 'Bad' | 'Good'): Example[] {
  const section = doc.split(/^### /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  const found = [
    ...section.matchAll(
      /(?:```yaml\n([\s\S]*?)```\s*)?(?:```dockerignore\n([\s\S]*?)```\s*)?```dockerfile\n([\s\S]*?)```/g,
    ),
  ].map((match) => ({ code: match[3], dockerignore: match[2] ?? null, config: match[1] ?? null }));
  const configBlocks = section.match(/```yaml\n/g)?.length ?? 0;
  expect(
    found.filter((example) => example.config !== null).length,
    `a \`\`\`yaml block under ### ${heading} must come just before a \`\`\`dockerfile example`,
  ).toBe(configBlocks);
  return found;
}

/** The lint options an example's config block gives (its rule severities and policy); none without one. */
function exampleOptions(example: Example): { ruleSettings: Record<string, RuleSetting>; policy?: Policy } {
  if (example.config === null) return { ruleSettings: {} };
  const config = parseConfig(example.config, 'a ```yaml block of the doc', allRules);
  return { ruleSettings: { ...config.rules }, policy: configPolicy(config) };
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
        // An off-by-default rule is turned on for its own examples, as a user would in the config; an example
        // with a config block is linted under that config (policy rules do nothing without one).
        const fires = (example: Example) => {
          const { ruleSettings, policy } = exampleOptions(example);
          if (rule.enabledByDefault === false) ruleSettings[rule.id] ??= rule.severity;
          return lintText(example.code, {
            rules: allRules,
            ruleSettings,
            dockerignore: example.dockerignore,
            policy,
          }).findings.some((finding) => finding.ruleId === rule.id);
        };
        for (const example of bad)
          expect(fires(example), `Bad example does not trigger:\n${example.code}`).toBe(true);
        for (const example of good)
          expect(fires(example), `Good example triggers:\n${example.code}`).toBe(false);
      });
    });
  }
});
