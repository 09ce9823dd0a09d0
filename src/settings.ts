/** Everything the action's run depends on, read once from the inputs (src/inputs.ts). */
import type { FilterMode } from './diff/filter.js';
import type { Severity } from './engine/types.js';

export type FailOn = Severity | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

export interface Settings {
  readonly token: string;
  /** Globs selecting Dockerfiles by path. */
  readonly files: readonly string[];
  /** Config file path, or null to look for `.dockerfile-review.yml` at the repository root. */
  readonly configPath: string | null;
  readonly failOn: FailOn;
  readonly filterMode: FilterMode;
  readonly review: boolean;
  readonly summaryComment: boolean;
  /** Empty: no check run. */
  readonly checkName: string;
  readonly suggestions: boolean;
  readonly sarifFile: string | null;
  readonly jsonFile: string | null;
  readonly maxComments: number;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether a finding of `severity` fails the run under `failOn`. */
export function failsAt(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}
