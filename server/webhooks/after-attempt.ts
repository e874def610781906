import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import type { SendOutcome } from './send.js';

export interface RetryRules {
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** [0, 1) */
  random: () => number;
}

/** What becomes of a message after one attempt; the deliverer records it. */
export type AfterAttempt =
  | { kind: 'delivered'; attempts: number }
  | { kind: 'retry'; attempts: number; nextAttemptAt: number; error: string }
  | { kind: 'dead'; attempts: number; error: string };

/**
 * sent 2xx                       -> delivered
 * failed, attempts < maxAttempts -> retry after the backoff, or after Retry-After when longer (capped)
 * failed, attempts = maxAttempts -> dead, keeping the last error
 * failed permanently (refused)   -> dead at once, keeping the reason
 */
export function afterAttempt(previousAttempts: number, outcome: SendOutcome, finishedAt: number, rules: RetryRules): AfterAttempt {
  const attempts = previousAttempts + 1;
  if (outcome.ok) return { kind: 'delivered', attempts };
  if (outcome.permanent || attempts >= rules.maxAttempts) return { kind: 'dead', attempts, error: outcome.error };
  const backoff = retryDelayMs(attempts, rules.random, rules.backoff);
  const delay = Math.min(Math.max(backoff, outcome.retryAfterMs ?? 0), rules.backoff.maxMs);
  return { kind: 'retry', attempts, nextAttemptAt: finishedAt + delay, error: outcome.error };
}
