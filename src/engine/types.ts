/**
 * The public shapes of the engine: rules, findings and fixes. `Finding` is the JSON contract of
 * DESIGN.md ("The machine-readable result"): keep it stable.
 */
import type { Model } from './model.js';
import type { Location, SourceText, Span } from './source.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface Refs {
  readonly hadolint?: readonly string[];
  readonly buildkit?: readonly string[];
}

export type FixSafety = 'safe' | 'unsafe';

export interface RuleMeta {
  /** Stable, kebab-case; the summary, config and suppressions use it. */
  readonly id: string;
  readonly severity: Severity;
  /** One line, titles the rule in docs, SARIF and the README table. */
  readonly description: string;
  readonly refs: Refs;
  /** The GUIDANCE.md line or Docker reference section the rule enforces. */
  readonly basis: readonly string[];
  /** Whether the rule can offer a fix. A rule test fails when a rule contradicts this. */
  readonly fixable: 'never' | 'sometimes';
  /** Off unless the config turns it on (as BuildKit does with experimental checks). */
  readonly enabledByDefault?: boolean;
}

export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

export interface Fix {
  readonly safety: FixSafety;
  readonly edits: readonly TextEdit[];
  /** What the fix does, in a few words, for the suggestion's caption. */
  readonly title: string;
}

export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly fix?: Fix;
  /** Overrides the rule's default severity for this finding (e.g. error for `FROM scratch`). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly model: Model;
  readonly source: SourceText;
  /** The build context's `.dockerignore`, when the caller could read one (null: none, or unknown). */
  readonly dockerignore: string | null;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export interface EditLocation extends Location {
  readonly text: string;
}

export interface Finding extends Location {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly refs: Refs;
  readonly fix?: {
    readonly safety: FixSafety;
    readonly title: string;
    readonly edits: readonly EditLocation[];
  };
}

export const DOCS_BASE_URL = 'https://github.com/dockerfile-review/dockerfile-review/blob/main/docs/rules';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}.md`;
}
