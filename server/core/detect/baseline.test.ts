import { test, fc } from '@fast-check/vitest';
import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import type { BaselineConfig } from '../plan/types.js';
import { addBaselineSample, initialBaseline, rollBaseline } from './baseline.js';
import type { BaselineState } from './types.js';

const cfg = (patch: Partial<BaselineConfig> = {}): BaselineConfig => ({
  windowSeconds: 3600,
  quantile: 0.5,
  freezeWhileFiring: true,
  initialRps: 300,
  ...patch,
});

/** Feeds (t seconds, rps) samples as detect does: roll to t, read the baseline, then add the sample. */
function feed(c: BaselineConfig, samples: Array<[number, number]>): number[] {
  let s: BaselineState = initialBaseline(c, 0);
  return samples.map(([t, rps]) => {
    s = rollBaseline(s, c, t * 1000);
    const seen = s.baselineRps;
    s = addBaselineSample(s, rps);
    return seen;
  });
}

describe('baseline', () => {
  it('is initialRps until the first minute closes, then that minute’s mean', () => {
    const samples: Array<[number, number]> = [10, 20, 30, 40, 50, 60, 70].map((t) => [t, t <= 30 ? 80 : 120]);
    // the tick ending at 60 s still belongs to minute 0; the one ending at 70 s closes it and
    // fills the one-minute window
    expect(feed(cfg({ windowSeconds: 60 }), samples)).toEqual([300, 300, 300, 300, 300, 300, 100]);
  });

  it('is the median of per-minute means, so one surging minute does not move it', () => {
    const means = [100, 110, 90, 1000, 105];
    const samples: Array<[number, number]> = means.map((m, i) => [60 * i + 30, m]);
    samples.push([60 * means.length + 30, 0]);
    expect(feed(cfg({ windowSeconds: 300 }), samples).at(-1)).toBe(105);
  });

  it('uses the configured quantile (type 7 interpolation)', () => {
    const samples: Array<[number, number]> = [100, 200, 300, 400, 500].map((m, i) => [60 * i + 30, m]);
    samples.push([330, 0]);
    expect(feed(cfg({ windowSeconds: 300, quantile: 0.9 }), samples).at(-1)).toBe(460);
  });

  it('forgets minutes that left the window', () => {
    // 120 s window = 2 buckets: at minute 3 only minutes 1 and 2 count
    const samples: Array<[number, number]> = [[30, 1000], [90, 100], [150, 200], [210, 0]];
    expect(feed(cfg({ windowSeconds: 120 }), samples)).toEqual([300, 1000, 550, 150]);
  });

  it('skips minutes without samples and falls back to initialRps when the window empties', () => {
    // at 90 s the window is not full yet, so initialRps floors minute 0's mean of 100; minute 2
    // has no sample: during minute 3 the window (minutes 1 and 2) holds only minute 1; at
    // 1000 s every sampled minute is out of the window
    const samples: Array<[number, number]> = [[30, 100], [90, 0], [200, 100], [230, 100], [1000, 0]];
    expect(feed(cfg({ windowSeconds: 120 }), samples)).toEqual([300, 300, 0, 0, 300]);
  });

  /*
   * Warm-up tick table: a one-hour window (60 one-minute buckets) from t0 = 0, initialRps
   * 300, a quiet night of 100 rps then a normal day of 400 rps. Until the history spans the
   * hour the baseline never drops below initialRps; from the first tick of minute 61 on it
   * is the learned median alone.
   *
   *   tick (s)   window (closed minutes)      learned median   baseline
   *   30         none                          -                300 (initialRps)
   *   90         0                             100              300 (not full: max)
   *   1830       0-29 at 100                   100              300 (not full: max)
   *   3570       0-58: 30 at 100, 29 at 400    100              300 (not full: max)
   *   3630       0-59: 30 at 100, 30 at 400    250              250 (full: learned)
   *   3690       1-60: 29 at 100, 31 at 400    400              400
   */
  it('is at least initialRps until the history spans the window, then the learned value alone', () => {
    const c = cfg({ windowSeconds: 3600, quantile: 0.5, initialRps: 300 });
    const samples: Array<[number, number]> = [];
    for (let t = 30; t <= 3690; t += 60) samples.push([t, t < 1800 ? 100 : 400]);
    const seen = feed(c, samples);
    const at = (t: number): number | undefined => seen[samples.findIndex(([ts]) => ts === t)];
    expect([30, 90, 1830, 3570, 3630, 3690].map(at)).toEqual([300, 300, 300, 300, 250, 400]);
  });

  it('lets a learned baseline above initialRps through while warming up', () => {
    const seen = feed(cfg({ windowSeconds: 3600, initialRps: 300 }), [[30, 1000], [90, 1000]]);
    expect(seen).toEqual([300, 1000]);
  });

  it('counts the window from t0, not from time 0', () => {
    // t0 = 10 min: the window of 2 minutes is full from minute 12 on
    const c = cfg({ windowSeconds: 120, initialRps: 300 });
    let s: BaselineState = initialBaseline(c, 600_000);
    const seen: number[] = [];
    for (const [t, rps] of [[630, 100], [690, 100], [750, 100]] as Array<[number, number]>) {
      s = rollBaseline(s, c, t * 1000);
      seen.push(s.baselineRps);
      s = addBaselineSample(s, rps);
    }
    expect(seen).toEqual([300, 300, 100]);
  });

  it('widens buckets for long windows so a window spans at most 240 of them', () => {
    const day = initialBaseline(cfg({ windowSeconds: 86400 }), 0);
    expect([day.bucketMs, day.windowBuckets]).toEqual([6 * 60_000, 240]);
    const week = initialBaseline(cfg({ windowSeconds: 7 * 86400 }), 0);
    expect([week.bucketMs, week.windowBuckets]).toEqual([42 * 60_000, 240]);
    const hour = initialBaseline(cfg({ windowSeconds: 3600 }), 0);
    expect([hour.bucketMs, hour.windowBuckets]).toEqual([60_000, 60]);
  });

  test.prop([
    fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 200 }),
    fc.constantFrom(0.1, 0.5, 0.95),
    fc.integer({ min: 1, max: 20 }),
  ])('matches a from-scratch computation over per-minute means', (steps, q, windowMinutes) => {
    const c = cfg({ windowSeconds: windowMinutes * 60, quantile: q });
    let t = 0;
    const samples: Array<[number, number]> = steps.map(([dt, rps]) => [(t += dt * 5), rps]);
    const seen = feed(c, samples);
    samples.forEach(([ts], i) => {
      const minute = Math.floor((ts * 1000 - 1) / 60_000);
      const byMinute = new Map<number, number[]>();
      for (const [ps, rps] of samples.slice(0, i)) {
        const m = Math.floor((ps * 1000 - 1) / 60_000);
        if (m < minute && m >= minute - windowMinutes) byMinute.set(m, [...(byMinute.get(m) ?? []), rps]);
      }
      const means = [...byMinute.values()].map((v) => v.reduce((a, b) => a + b, 0) / v.length);
      const full = minute - windowMinutes >= 0;
      const learned = means.length > 0 ? quantile(means, q) : c.initialRps;
      const expected = full ? learned : Math.max(c.initialRps, learned);
      expect(seen[i]).toBeCloseTo(expected, 9);
    });
  });
});
