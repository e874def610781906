export interface BackoffPolicy {
  /** delay before the first retry */
  baseMs: number;
  /** no delay grows past this */
  maxMs: number;
  /** spread each delay by up to ±jitter of itself (0..1), so retries from one outage do not arrive together */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 3_600_000, jitter: 0.2 };

/**
 * Delay before the retry that follows failed attempt number `attempt` (1-based):
 * base, 2 x base, 4 x base ... capped at maxMs, each spread by the jitter.
 * `random` returns a number in [0, 1).
 */
export function retryDelayMs(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  const nominal = Math.min(policy.baseMs * 2 ** exponent, policy.maxMs);
  const spread = nominal * policy.jitter * (2 * random() - 1);
  return Math.round(Math.min(Math.max(nominal + spread, 0), policy.maxMs));
}

/** A Retry-After header (seconds or HTTP date) as milliseconds from `now`, or null. */
export function parseRetryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(at - now, 0);
}
