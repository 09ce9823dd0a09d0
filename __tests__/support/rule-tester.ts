/**
 * Table-driven rule tests with the invariants every rule must keep (after ESLint's RuleTester and ruff):
 * - valid cases give no finding of the rule; invalid cases give exactly the expected lines, in order;
 * - every finding lies inside the file (1 <= line <= endLine <= line count, columns >= 1);
 * - a rule declared `fixable: 'never'` offers no fix;
 * - `output` is the text after safe fixes; applying fixes again changes nothing (convergence), and the
 *   fixed text no longer has the fixed findings nor any new error;
 * - the same case is not listed twice.
 * A case may carry a `policy` (trusted registries, label schema), as `.dockerfile-review.yml` would give it;
 * without one, the rule runs with nothing configured.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fixes.js';
import { lintText, type RuleSetting } from '../../src/engine/lint.js';
import { type Finding, NO_POLICY, type Policy, type Rule, type Severity } from '../../src/engine/types.js';
import { allRules } from '../../src/rules/index.js';

export interface ExpectedFinding {
  readonly line: number;
  /** Substring or pattern the message must contain. */
  readonly message?: string | RegExp;
  readonly severity?: Severity;
  readonly endLine?: number;
  readonly column?: number;
  /** 'none' asserts that no fix is offered. */
  readonly fix?: 'safe' | 'unsafe' | 'none';
}

export interface InvalidCase {
  readonly name?: string;
  readonly code: string;
  readonly errors: readonly ExpectedFinding[];
  /** The text after `--fix` (safe fixes only). Required when any safe fix is offered. */
  readonly output?: string;
  /** The text after `--fix --unsafe-fixes`. */
  readonly unsafeOutput?: string;
  /** The configured policy; the keys not given are not configured. */
  readonly policy?: Partial<Policy>;
}

export type ValidCase =
  | string
  | { readonly name?: string; readonly code: string; readonly policy?: Partial<Policy> };

export function lintWith(rule: Rule, code: string, policy?: Partial<Policy>): Finding[] {
  // All rules' metadata are passed so suppressions resolve refs; only the rule under test runs.
  // An off-by-default rule under test is turned on, as a user would in the config.
  // The rule given (a test may pass a variant, e.g. turned on) stands in for the registry's entry of its id.
  const rules = [...allRules.filter((other) => other.id !== rule.id), rule];
  return lintText(code, {
    rules,
    ruleSettings: onlyThis(rule),
    policy: { ...NO_POLICY, ...policy },
  }).findings.filter((finding) => finding.ruleId === rule.id);
}

/** Every other rule off; the rule under test on, also when it is off by default. */
function onlyThis(rule: Rule): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = Object.fromEntries(
    allRules.map((other) => [other.id, 'off']),
  );
  delete settings[rule.id];
  return { ...settings, ...enabled(rule) };
}

function enabled(rule: Rule): Record<string, Severity> {
  return rule.enabledByDefault === false ? { [rule.id]: rule.severity } : {};
}

export function testRule(
  rule: Rule,
  cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] },
): void {
  const seen = new Set<string>();
  // The same text under another policy is another case.
  const unique = (code: string, policy: Partial<Policy> | undefined) => {
    const key = policy ? `${code}\n${JSON.stringify(policy)}` : code;
    expect(seen.has(key), `duplicate test case:\n${code}`).toBe(false);
    seen.add(key);
  };

  describe(rule.id, () => {
    for (const [index, testCase] of cases.valid.entries()) {
      const code = typeof testCase === 'string' ? testCase : testCase.code;
      const policy = typeof testCase === 'string' ? undefined : testCase.policy;
      const name = typeof testCase === 'string' ? `valid #${index + 1}: ${firstLines(code)}` : testCase.name;
      it(name ?? `valid #${index + 1}`, () => {
        unique(code, policy);
        expect(lintWith(rule, code, policy)).toEqual([]);
      });
    }

    for (const [index, testCase] of cases.invalid.entries()) {
      it(testCase.name ?? `invalid #${index + 1}: ${firstLines(testCase.code)}`, () => {
        unique(testCase.code, testCase.policy);
        const findings = lintWith(rule, testCase.code, testCase.policy);
        expect(findings.map((finding) => finding.line)).toEqual(testCase.errors.map((error) => error.line));
        const lineCount = testCase.code.split('\n').length;
        for (const [i, finding] of findings.entries()) {
          const expected = testCase.errors[i];
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
          expect(finding.endLine).toBeLessThanOrEqual(lineCount);
          expect(finding.column).toBeGreaterThanOrEqual(1);
          expect(finding.endColumn).toBeGreaterThanOrEqual(1);
          if (expected.message instanceof RegExp) expect(finding.message).toMatch(expected.message);
          else if (expected.message !== undefined) expect(finding.message).toContain(expected.message);
          if (expected.severity) expect(finding.severity).toBe(expected.severity);
          if (expected.endLine !== undefined) expect(finding.endLine).toBe(expected.endLine);
          if (expected.column !== undefined) expect(finding.column).toBe(expected.column);
          if (expected.fix === 'none') expect(finding.fix).toBeUndefined();
          else if (expected.fix) expect(finding.fix?.safety).toBe(expected.fix);
          if (rule.fixable === 'never')
            expect(finding.fix, `${rule.id} declares fixable: 'never'`).toBeUndefined();
        }

        const offersSafeFix = findings.some((finding) => finding.fix?.safety === 'safe');
        if (offersSafeFix)
          expect(testCase.output, 'a safe fix was offered: give the expected `output`').toBeDefined();
        if (testCase.output !== undefined)
          checkFix(rule, testCase.code, testCase.output, false, testCase.policy);
        if (testCase.unsafeOutput !== undefined)
          checkFix(rule, testCase.code, testCase.unsafeOutput, true, testCase.policy);
      });
    }
  });
}

function checkFix(
  rule: Rule,
  code: string,
  expected: string,
  unsafe: boolean,
  casePolicy: Partial<Policy> | undefined,
): void {
  const policy = { ...NO_POLICY, ...casePolicy };
  const fixed = applyFixes(code, { rules: [rule], ruleSettings: enabled(rule), unsafe, policy }).text;
  expect(fixed).toBe(expected);
  // Convergence: fixing the fixed text again changes nothing.
  expect(applyFixes(fixed, { rules: [rule], ruleSettings: enabled(rule), unsafe, policy }).text).toBe(fixed);
  // The fixes removed their own findings...
  const remaining = lintWith(rule, fixed, casePolicy).filter(
    (finding) => finding.fix && (unsafe || finding.fix.safety === 'safe'),
  );
  expect(remaining).toEqual([]);
  // ...and introduced no error from any rule that the original did not have.
  const errors = (text: string) =>
    lintText(text, { rules: allRules, policy })
      .findings.filter((finding) => finding.severity === 'error')
      .map((finding) => `${finding.ruleId}: ${finding.message}`);
  const before = new Set(errors(code));
  expect(errors(fixed).filter((error) => !before.has(error))).toEqual([]);
}

function firstLines(code: string): string {
  const compact = code.split('\n').slice(1, 3).join(' ⏎ ');
  return compact.length > 70 ? `${compact.slice(0, 70)}…` : compact;
}
