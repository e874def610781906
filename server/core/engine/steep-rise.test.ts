import { describe, expect, it } from 'vitest';
import { recentRiseRpsPerSec, risingVerySteeply, unexplainedRise } from './steep-rise.js';

const flat = (rps: number) => () => rps;

describe('recentRiseRpsPerSec', () => {
  it('is the rise over the last two minutes of the growth points', () => {
    // [ms, rps] every 30 s: 1000 rps, then +300 rps every 30 s
    const points: [number, number][] = [[0, 1000], [30_000, 1000], [60_000, 1300], [90_000, 1600], [120_000, 1900], [150_000, 2200]];
    expect(recentRiseRpsPerSec(points, 1000)).toBe((2200 - 1000) / 120);
  });

  it('is 0 once the latest tick shows the rise has stopped, and the rise of the latest tick when that is gentler', () => {
    const held: [number, number][] = [[0, 1000], [30_000, 1000], [60_000, 1300], [90_000, 1600], [120_000, 1900], [150_000, 1900]];
    expect(recentRiseRpsPerSec(held, 1000)).toBe(0);
    const slowing: [number, number][] = [[0, 1000], [30_000, 1000], [60_000, 1300], [90_000, 1600], [120_000, 1900], [150_000, 1930]];
    expect(recentRiseRpsPerSec(slowing, 1000)).toBe(1);
  });

  it('is 0 until two minutes of points exist', () => {
    expect(recentRiseRpsPerSec([], 100)).toBe(0);
    expect(recentRiseRpsPerSec([[0, 100], [60_000, 900]], 50)).toBe(0);
  });

  it('is the rise since demand left normal when a wave began one to two minutes ago', () => {
    // normal 1000 rps until 60 s, then +300 rps every 30 s: over two minutes the flat minute halves it
    const wave: [number, number][] = [[0, 1000], [30_000, 1000], [60_000, 1000], [90_000, 1300], [120_000, 1600], [150_000, 1900]];
    expect(recentRiseRpsPerSec(wave, 1000)).toBe(10);
    expect(recentRiseRpsPerSec(wave, 900)).toBe((1900 - 1000) / 120);
    // left normal 30 s ago: too little to measure by, the two minutes stand
    const young: [number, number][] = [[0, 1000], [30_000, 1000], [60_000, 1000], [90_000, 1000], [120_000, 1000], [150_000, 1300]];
    expect(recentRiseRpsPerSec(young, 1000)).toBe(300 / 120);
    // back at normal now: nothing left it
    const back: [number, number][] = [[0, 1000], [60_000, 1600], [120_000, 1000], [150_000, 1000]];
    expect(recentRiseRpsPerSec(back, 1000)).toBe(0);
  });
});

describe('unexplainedRise', () => {
  it('is the rise the forecast does not explain when demand rises steeply', () => {
    // 10% of 1000 rps a minute, against a flat forecast and no trend
    expect(unexplainedRise({ t: 0, demandRps: 1000, demand: flat(1000), trendRpsPerSec: 0, recentRpsPerSec: 100 / 60 })).toBeCloseTo(100 / 60, 9);
  });

  it('is 0 for a gentle rise, or one the forecast or the measured trend already follow', () => {
    const steep = 100 / 60;
    expect(unexplainedRise({ t: 0, demandRps: 1000, demand: flat(1000), trendRpsPerSec: 0, recentRpsPerSec: 40 / 60 })).toBe(0);
    const rising = (at: number) => 1000 + steep * (at / 1000);
    expect(unexplainedRise({ t: 0, demandRps: 1000, demand: rising, trendRpsPerSec: 0, recentRpsPerSec: steep })).toBe(0);
    expect(unexplainedRise({ t: 0, demandRps: 1000, demand: flat(1000), trendRpsPerSec: steep * 0.6, recentRpsPerSec: steep })).toBe(0);
    expect(unexplainedRise({ t: 0, demandRps: 0, demand: flat(0), trendRpsPerSec: 0, recentRpsPerSec: 5 })).toBe(0);
  });
});

describe('risingVerySteeply', () => {
  it('is a rise of more than a tenth of current demand a minute, however much of it the forecast explains', () => {
    expect(risingVerySteeply(101 / 60, 1000)).toBe(true);
    expect(risingVerySteeply(100 / 60, 1000)).toBe(false);
    expect(risingVerySteeply(-500 / 60, 1000)).toBe(false);
    expect(risingVerySteeply(0, 0)).toBe(false);
  });
});
