/**
 * The engine's single entry point: Dockerfile text in, findings out. Pure: no I/O, no `@actions/*`.
 * Pipeline: size and binary guards -> model -> every enabled rule (a crashing rule becomes a finding,
 * never a lost run) -> suppressions -> severity overrides -> sorted findings.
 */
import { buildModel, type Model } from './model.js';
import { runtimes, type StageRuntime } from './runtime.js';
import { loadShellParser } from './shell.js';
import { type Location, SourceText, type Span } from './source.js';
import { collectSuppressions } from './suppressions.js';
import { type Finding, NO_POLICY, type Policy, type Report, type Rule, type Severity } from './types.js';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  readonly rules: readonly Rule[];
  /** Per-rule severity or `off`, from the config file. */
  readonly ruleSettings?: Readonly<Record<string, RuleSetting>>;
  /** Larger files get one `file-too-large` finding instead of a parse: a bound on one file's time and memory. */
  readonly maxFileSize?: number;
  /** The `.dockerignore` of the build context (the repository root unless configured), for `copy-ignored-file`. */
  readonly dockerignore?: string | null;
  /** Trusted registries and the label schema from the config file; nothing configured when absent. */
  readonly policy?: Policy;
}

export interface LintResult {
  readonly findings: Finding[];
  /** Null when the file was not parsed (too large, or binary). */
  readonly model: Model | null;
  readonly runtimes: StageRuntime[];
  /** The text the positions refer to (a leading byte order mark removed, as Docker does). */
  readonly source: SourceText;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** Findings the engine itself raises; their metadata lives with the rules of the same id. */
export const ENGINE_RULE_IDS = {
  tooLarge: 'file-too-large',
  notText: 'syntax-error',
  crash: 'internal-error',
  unknownSuppression: 'unknown-suppression',
} as const;

/**
 * Loads what the engine loads lazily (the shell parser, toolchain.md §7.11 and issue 5's cold start): await it
 * once before the first `lintText`. Idempotent and cheap after the first call.
 */
export function prepareEngine(): Promise<void> {
  return loadShellParser();
}

export function lintText(input: string, options: LintOptions): LintResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const source = new SourceText(text);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const metaById = new Map(options.rules.map((rule) => [rule.id, rule]));
  const raw: RawFinding[] = [];
  const wholeFirstLine: Span = { start: 0, end: source.lineEnd(0) };

  // A UTF-16 code unit is at most 3 UTF-8 bytes: a file that short is under the cap without counting.
  const size = text.length * 3 <= maxFileSize ? 0 : utf8Length(text);
  if (size > maxFileSize) {
    raw.push({
      ruleId: ENGINE_RULE_IDS.tooLarge,
      span: { start: 0, end: 0 },
      message: `The file is ${size.toLocaleString('en-US')} bytes, over the ${maxFileSize.toLocaleString('en-US')}-byte limit (\`max-file-size\`): it was not linted.`,
    });
    return finish(raw, null, source, options, metaById);
  }
  if (looksBinary(text)) {
    raw.push({
      ruleId: ENGINE_RULE_IDS.notText,
      span: wholeFirstLine,
      message:
        'The file contains NUL bytes: it is binary data, not a Dockerfile, and Docker cannot build it.',
    });
    return finish(raw, null, source, options, metaById);
  }

  const dockerignore = options.dockerignore ?? null;
  const policy = options.policy ?? NO_POLICY;
  let model: Model;
  try {
    model = buildModel(text);
  } catch (error) {
    raw.push({
      ruleId: ENGINE_RULE_IDS.notText,
      span: wholeFirstLine,
      message: `The file could not be parsed: ${describe(error)}.`,
    });
    return finish(raw, null, source, options, metaById);
  }

  for (const rule of options.rules) {
    if (!isEnabled(rule, options.ruleSettings)) continue;
    const report = (finding: Report) => raw.push({ ruleId: rule.id, ...finding });
    try {
      rule.check({ model, source, report, dockerignore, policy });
    } catch (error) {
      raw.push({
        ruleId: ENGINE_RULE_IDS.crash,
        span: wholeFirstLine,
        message: `The rule \`${rule.id}\` failed on this file (${describe(error)}); its findings are missing. Please report this.`,
      });
    }
  }
  return finish(raw, model, source, options, metaById);
}

interface RawFinding extends Report {
  readonly ruleId: string;
}

function finish(
  raw: RawFinding[],
  model: Model | null,
  source: SourceText,
  options: LintOptions,
  metaById: ReadonlyMap<string, Rule>,
): LintResult {
  const suppressions = model ? collectSuppressions(model, options.rules) : null;
  const unknownRule = metaById.get(ENGINE_RULE_IDS.unknownSuppression);
  if (unknownRule && isEnabled(unknownRule, options.ruleSettings)) {
    for (const pragma of suppressions?.unknown ?? []) {
      raw.push({
        ruleId: unknownRule.id,
        span: pragma.span,
        message: `\`${pragma.name}\` is not a rule id, hadolint code or BuildKit check, so this pragma silences nothing${pragma.didYouMean ? `. Did you mean \`${pragma.didYouMean}\`?` : '.'}`,
      });
    }
  }
  const findings: Finding[] = [];
  for (const finding of raw) {
    if (suppressions?.global.has(finding.ruleId)) continue;
    if (model && suppressions) {
      const instruction = instructionAt(model, finding.span.start);
      if (instruction !== undefined && suppressions.byInstruction.get(instruction)?.has(finding.ruleId))
        continue;
    }
    const setting = options.ruleSettings?.[finding.ruleId];
    if (setting === 'off') continue;
    const meta = metaById.get(finding.ruleId);
    findings.push({
      ruleId: finding.ruleId,
      severity: setting ?? finding.severity ?? meta?.severity ?? 'warning',
      message: finding.message,
      ...source.locate(finding.span),
      refs: meta?.refs ?? {},
      ...(finding.fix
        ? {
            fix: {
              safety: finding.fix.safety,
              title: finding.fix.title,
              edits: finding.fix.edits.map((edit) => ({ ...source.locate(edit.span), text: edit.text })),
            },
          }
        : {}),
    });
  }
  findings.sort(compareFindings);
  return { findings, model, runtimes: model ? runtimes(model) : [], source };
}

export function compareFindings(a: Location & { ruleId: string }, b: Location & { ruleId: string }): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

function isEnabled(rule: Rule, settings: LintOptions['ruleSettings']): boolean {
  const setting = settings?.[rule.id];
  if (setting === 'off') return false;
  return setting !== undefined || rule.enabledByDefault !== false;
}

/** Index of the instruction whose span holds `offset`, by binary search over the ordered instructions. */
function instructionAt(model: Model, offset: number): number | undefined {
  const list = model.instructions;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = list[mid].span;
    if (offset < span.start) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else return list[mid].index;
  }
  return undefined;
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

function utf8Length(text: string): number {
  // Counted without Buffer so the engine stays free of Node APIs; linear, no allocation.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
