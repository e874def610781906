import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { expectedLatencyMs, mmcWaitMs } from './queueing.js';
import { testService } from './test-plan.js';

describe('mmcWaitMs', () => {
  it('matches M/M/1: W = rho / (mu - lambda)', () => {
    expect(mmcWaitMs(1, 10, 5)).toBeCloseTo(100, 9);
  });

  it('matches M/M/2 with mu = 1, lambda = 1: W = C(2, 1) / (2 - 1) = 1/3 s', () => {
    expect(mmcWaitMs(2, 1, 1)).toBeCloseTo(1000 / 3, 9);
  });

  it('is 0 with no arrivals and Infinity when unstable', () => {
    expect(mmcWaitMs(3, 10, 0)).toBe(0);
    expect(mmcWaitMs(3, 10, 30)).toBe(Number.POSITIVE_INFINITY);
    expect(mmcWaitMs(0, 10, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('expectedLatencyMs', () => {
  const svc = testService(); // 100 rps hard ceiling per server, 80 ms service, 10 s queue limit

  it('is the service time on an idle fleet and the queue-limit cap at saturation or with no capacity', () => {
    expect(expectedLatencyMs(svc, 10, 1000, 0, 0)).toBe(80);
    expect(expectedLatencyMs(svc, 10, 1000, 1000, 0)).toBe(80 + 10_000);
    expect(expectedLatencyMs(svc, 0, 0, 50, 0)).toBe(80 + 10_000);
  });

  it('adds the wait behind the backlog: 2,000 queued on 1,000 rps is 2 s more', () => {
    const idle = expectedLatencyMs(svc, 10, 1000, 500, 0);
    expect(expectedLatencyMs(svc, 10, 1000, 500, 2000) - idle).toBeCloseTo(2000, 9);
  });

  test.prop([
    fc.integer({ min: 1, max: 3000 }),
    fc.double({ min: 0, max: 1.2, noNaN: true }),
    fc.double({ min: 0, max: 1.2, noNaN: true }),
    fc.double({ min: 0, max: 20_000, noNaN: true }),
  ])('never falls as utilisation rises (fixed servers and backlog)', (servers, u1, u2, backlog) => {
    const [low, high] = u1 <= u2 ? [u1, u2] : [u2, u1];
    const capacity = servers * 100;
    const before = expectedLatencyMs(svc, servers, capacity, low * capacity, backlog);
    const after = expectedLatencyMs(svc, servers, capacity, high * capacity, backlog);
    expect(after).toBeGreaterThanOrEqual(before);
    expect(after).toBeLessThanOrEqual(80 + 10_000);
  });

  it('shares capacity among ceil(supply) servers when warming servers add a fraction', () => {
    // 2.5 server-equivalents of 100 rps: 3 servers of 83.3 rps each
    expect(expectedLatencyMs(svc, 2.5, 250, 125, 0)).toBeCloseTo(80 + mmcWaitMs(3, 250 / 3, 125), 9);
  });
});
