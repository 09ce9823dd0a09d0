/**
 * The data a run produces before anything is reported: each Dockerfile with its lint result, and each
 * finding placed against the pull request's diff with what happened to it. Reporters read this; nothing
 * here talks to GitHub. Filter decisions are recorded, never applied by dropping (reviewdog's lesson):
 * the summary lists every finding, including those outside the diff or over the comment limit.
 */
import type { DiffPlacement } from './diff/filter.js';
import type { FilePatch } from './diff/patch.js';
import type { LintResult } from './engine/lint.js';
import type { Finding } from './engine/types.js';

export interface ReviewedFile {
  readonly path: string;
  /** Null when the file could not be read or linted; `skipped` says why. */
  readonly result: LintResult | null;
  readonly skipped?: string;
  readonly patch?: FilePatch;
}

/** Where a finding ended up. */
export type Delivery =
  | 'inline' // posted as a review comment in this run
  | 'already-posted' // an earlier run's comment still stands
  | 'outside-filter' // not on lines the filter mode comments on: summary only
  | 'over-limit' // more than max-comments: summary only
  | 'not-commentable' // no line of the diff can hold it: summary only
  | 'rejected' // GitHub refused the comment: summary only, with the reason
  | 'not-posted'; // no review in this run (review off, read-only token, push event)

export interface PlacedFinding {
  readonly path: string;
  readonly finding: Finding;
  readonly placement: DiffPlacement;
  readonly fingerprint: string;
  delivery: Delivery;
  /** Why GitHub rejected it, for `rejected`. */
  reason?: string;
}

export interface RunNotes {
  /** Each line says what could not be done and why, shown in the summary and the log. */
  readonly problems: string[];
}
