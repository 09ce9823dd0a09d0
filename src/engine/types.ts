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

/** The value types a label schema can require (hadolint's `label-schema` types, same names). */
export const LABEL_TYPES = ['text', 'url', 'hash', 'rfc3339', 'semver', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

/**
 * The organisation's own rules, from the config file: which registries images may come from and which labels
 * images must carry. Rules that need them do nothing while they are empty.
 */
export interface Policy {
  /** Registry host names (`ghcr.io`, `localhost:5000`), optionally `*.example.com` or `registry.*`; empty: any. */
  readonly trustedRegistries: readonly string[];
  /** Label name -> the type its value must have; empty: no label is required. */
  readonly labelSchema: Readonly<Record<string, LabelType>>;
  /** Whether labels the schema does not name are reported. */
  readonly strictLabels: boolean;
}

export const NO_POLICY: Policy = Object.freeze({
  trustedRegistries: Object.freeze([]),
  labelSchema: Object.freeze({}),
  strictLabels: false,
});

export interface RuleContext {
  readonly model: Model;
  readonly source: SourceText;
  /** The build context's `.dockerignore`, when the caller could read one (null: none, or unknown). */
  readonly dockerignore: string | null;
  /** The configured policy; `NO_POLICY` when nothing is configured. */
  readonly policy: Policy;
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
