import { describe, expect, it } from 'vitest';
import { afterAttempt, type AfterAttempt, type RetryRules } from './after-attempt.js';
import { DEFAULT_BACKOFF } from './backoff.js';
import type { SendOutcome } from './send.js';

const rules: RetryRules = { maxAttempts: 4, backoff: DEFAULT_BACKOFF, random: () => 0.5 };
const T = 1_000_000;
const refused: SendOutcome = { ok: false, error: 'refused: 127.0.0.1 is a loopback address', retryAfterMs: null, permanent: true };
const down: SendOutcome = { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:9', retryAfterMs: null, permanent: false };

describe('afterAttempt', () => {
  it.each<[string, number, SendOutcome, AfterAttempt]>([
    ['first attempt delivered', 0, { ok: true, status: 204 }, { kind: 'delivered', attempts: 1 }],
    ['first failure: retry in 5 s', 0, down, { kind: 'retry', attempts: 1, nextAttemptAt: T + 5_000, error: down.error }],
    ['second failure: retry in 10 s', 1, down, { kind: 'retry', attempts: 2, nextAttemptAt: T + 10_000, error: down.error }],
    ['third failure: retry in 20 s', 2, down, { kind: 'retry', attempts: 3, nextAttemptAt: T + 20_000, error: down.error }],
    ['last allowed attempt fails: dead', 3, down, { kind: 'dead', attempts: 4, error: down.error }],
    ['a refused target is dead at the first attempt', 0, refused, { kind: 'dead', attempts: 1, error: refused.error }],
    ['late success still counts', 3, { ok: true, status: 200 }, { kind: 'delivered', attempts: 4 }],
    ['Retry-After longer than the backoff wins', 0, { ok: false, error: 'HTTP 429', retryAfterMs: 60_000, permanent: false }, { kind: 'retry', attempts: 1, nextAttemptAt: T + 60_000, error: 'HTTP 429' }],
    ['Retry-After shorter than the backoff loses', 0, { ok: false, error: 'HTTP 503', retryAfterMs: 1_000, permanent: false }, { kind: 'retry', attempts: 1, nextAttemptAt: T + 5_000, error: 'HTTP 503' }],
    ['Retry-After is capped at the longest backoff', 0, { ok: false, error: 'HTTP 429', retryAfterMs: 86_400_000, permanent: false }, { kind: 'retry', attempts: 1, nextAttemptAt: T + 3_600_000, error: 'HTTP 429' }],
  ])('%s', (_name, previous, outcome, expected) => {
    expect(afterAttempt(previous, outcome, T, rules)).toEqual(expected);
  });
});
