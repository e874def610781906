import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './failure-throttle.js';

// tick table: at time t, client c fails (or is asked about); the wait it gets
describe('FailureThrottle', () => {
  it('refuses after maxFailures within the window, until the window ends', () => {
    const throttle = new FailureThrottle({ maxFailures: 3, windowMs: 60_000 });
    const rows: { t: number; fail: boolean; wait: number }[] = [
      { t: 0, fail: true, wait: 0 },
      { t: 10_000, fail: true, wait: 0 },
      { t: 20_000, fail: true, wait: 40_000 },
      { t: 59_000, fail: false, wait: 1_000 },
      { t: 60_000, fail: false, wait: 0 },
      { t: 61_000, fail: true, wait: 0 },
    ];
    for (const row of rows) {
      if (row.fail) throttle.recordFailure('ip:1', row.t);
      expect(throttle.retryAfterMs('ip:1', row.t), `at ${row.t}`).toBe(row.wait);
    }
  });

  it('counts each client apart', () => {
    const throttle = new FailureThrottle({ maxFailures: 1, windowMs: 1000 });
    throttle.recordFailure('a', 0);
    expect(throttle.retryAfterMs('a', 0)).toBe(1000);
    expect(throttle.retryAfterMs('b', 0)).toBe(0);
  });

  it('forgets the oldest client beyond maxClients, so memory stays bounded', () => {
    const throttle = new FailureThrottle({ maxFailures: 1, windowMs: 1000, maxClients: 2 });
    throttle.recordFailure('a', 0);
    throttle.recordFailure('b', 0);
    throttle.recordFailure('c', 0);
    expect(['a', 'b', 'c'].map((c) => throttle.retryAfterMs(c, 1))).toEqual([0, 999, 999]);
  });
});
