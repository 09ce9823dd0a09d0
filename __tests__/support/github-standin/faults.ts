/** Runtime-settable faults: GitHub's rate limits and 5xx, including a 5xx after the write happened. */
import type { FaultControls, FaultMatcher, RecordedRequest } from './types.js';

export type FaultKind = NonNullable<RecordedRequest['fault']>;

export interface FaultEntry {
  kind: FaultKind;
  remaining: number;
  method?: string;
  pathPattern?: string | RegExp;
  status: number;
  /** retry-after (secondary) or reset delay (primary), in seconds. */
  seconds?: number;
}

export class Faults implements FaultControls {
  private entries: FaultEntry[] = [];

  rateLimitNext(
    n: number,
    retryAfterSeconds?: number,
    options: FaultMatcher & { status?: 403 | 429 } = {},
  ): void {
    this.add({
      ...options,
      kind: 'secondary-rate-limit',
      n,
      seconds: retryAfterSeconds,
      status: options.status ?? 403,
    });
  }

  primaryRateLimitNext(n: number, resetInSeconds: number, options: FaultMatcher = {}): void {
    this.add({ ...options, kind: 'primary-rate-limit', n, seconds: resetInSeconds, status: 403 });
  }

  serverErrorNext(n: number, options: FaultMatcher & { status?: 500 | 502 | 503 | 504 } = {}): void {
    this.add({ ...options, kind: 'server-error', n, status: options.status ?? 502 });
  }

  failAfterCommitNext(n: number, options: FaultMatcher & { status?: 500 | 502 | 503 | 504 } = {}): void {
    // Only writes can "commit", so POST is the useful default (reviewdog#355: 502 after posting).
    this.add({
      ...options,
      kind: 'after-commit',
      n,
      status: options.status ?? 502,
      method: options.method ?? 'POST',
    });
  }

  pending(): number {
    return this.entries.reduce((sum, e) => sum + e.remaining, 0);
  }

  clear(): void {
    this.entries = [];
  }

  /** Consumes and returns the first matching fault of the given kinds. */
  take(kinds: readonly FaultKind[], method: string, path: string): FaultEntry | undefined {
    const entry = this.entries.find(
      (e) =>
        e.remaining > 0 &&
        kinds.includes(e.kind) &&
        (!e.method || e.method.toUpperCase() === method) &&
        (e.pathPattern === undefined ||
          (typeof e.pathPattern === 'string' ? path.includes(e.pathPattern) : e.pathPattern.test(path))),
    );
    if (!entry) return undefined;
    entry.remaining--;
    this.entries = this.entries.filter((e) => e.remaining > 0);
    return entry;
  }

  private add(spec: FaultMatcher & { kind: FaultKind; n: number; status: number; seconds?: number }): void {
    if (!Number.isInteger(spec.n) || spec.n < 1)
      throw new Error(`fault count must be a positive integer, got ${spec.n}`);
    this.entries.push({
      kind: spec.kind,
      remaining: spec.n,
      method: spec.method,
      pathPattern: spec.pathPattern,
      status: spec.status,
      seconds: spec.seconds,
    });
  }
}
