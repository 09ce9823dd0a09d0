/**
 * Fingerprints: a stable identity for a finding across commits, used as SARIF `partialFingerprints` (so code
 * scanning keeps tracking one alert when lines move) and in the hidden marker of PR review comments (so a
 * second run does not post the same comment again).
 *
 * The identity is the rule, the file and the instruction's text, never its line number: inserting a line above
 * must not change it. Whitespace and line continuations are normalised, so re-wrapping an instruction over
 * several lines does not change it either.
 */
import { createHash } from 'node:crypto';
import type { Model } from '../engine/model.js';
import { offsetAtLocation, type SourceText } from '../engine/source.js';
import type { Finding } from '../engine/types.js';

/** The key under SARIF `partialFingerprints`; the version lets the recipe change without colliding with old alerts. */
export const FINGERPRINT_KEY = 'dockerfileReviewInstruction/v1';

/**
 * sha256 (hex) of the rule id, the path and the normalised instruction text. `occurrence` tells apart findings
 * that would otherwise be identical (the same rule on two identical instructions of one file); 0 for the first.
 */
export function fingerprint(ruleId: string, path: string, text: string, occurrence = 0): string {
  // NUL separators: no rule id, path or instruction text can shift a boundary and collide with another triple.
  const parts = [ruleId, path.replaceAll('\\', '/'), normalizeInstructionText(text)];
  if (occurrence > 0) parts.push(String(occurrence));
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/**
 * Joins continuation lines (a `\` or, with `# escape=``, a backtick before the line break), drops comment lines
 * inside a continued instruction (Docker ignores them), and collapses every run of whitespace to one space.
 */
export function normalizeInstructionText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line, index) => index === 0 || !/^\s*#/.test(line))
    .join('\n')
    .replace(/[\\`][ \t]*\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What `findingFingerprints` needs of a linted file (a `LintResult` has all of it). */
export interface FingerprintSource {
  readonly path: string;
  readonly findings: readonly Finding[];
  readonly source: SourceText;
  readonly model: Model | null;
}

/** One fingerprint per finding, in the order of `file.findings`. */
export function findingFingerprints(file: FingerprintSource): string[] {
  const seen = new Map<string, number>();
  return file.findings.map((finding) => {
    const text = instructionTextAt(file, finding);
    const base = fingerprint(finding.ruleId, file.path, text);
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return occurrence === 0 ? base : fingerprint(finding.ruleId, file.path, text, occurrence);
  });
}

/** The whole instruction holding the finding's start; the finding's own lines when it is outside any instruction. */
export function instructionTextAt(
  file: Pick<FingerprintSource, 'source' | 'model'>,
  finding: Finding,
): string {
  const offset = offsetAtLocation(file.source, finding.line, finding.column);
  const instructions = file.model?.instructions ?? [];
  let low = 0;
  let high = instructions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = instructions[mid].span;
    if (offset < span.start) high = mid - 1;
    // An empty span still holds the offset it sits at (the engine's findings on an empty instruction).
    else if (offset >= Math.max(span.end, span.start + 1)) low = mid + 1;
    else return file.source.slice(span);
  }
  const lines: string[] = [];
  for (let line = finding.line; line <= finding.endLine; line++) lines.push(file.source.lineText(line - 1));
  return lines.join('\n');
}
