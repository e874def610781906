import { describe, expect, it } from 'vitest';
import { outpacingRise, recentRiseRpsPerSec, risingVerySteeply, unexplainedRise } from './steep-rise.js';

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

describe('outpacingRise', () => {
  const verySteep = 120 / 60;
  it('is how much faster than the forecast a very steep rise climbs, even where the trend "explains" it', () => {
    // a trend 60% of the rise explains it, yet the forecast carrying that trend climbs at 60% of its pace
    const trended = (at: number) => 1000 + verySteep * 0.6 * (at / 1000);
    const input = { t: 0, demandRps: 1000, demand: trended, trendRpsPerSec: verySteep * 0.6, recentRpsPerSec: verySteep };
    expect(unexplainedRise(input)).toBe(0);
    expect(outpacingRise(input)).toBeCloseTo(verySteep * 0.4, 9);
  });

  it('is 0 for a rise that is not very steep, or that the forecast keeps pace with', () => {
    expect(outpacingRise({ t: 0, demandRps: 1000, demand: flat(1000), trendRpsPerSec: 0, recentRpsPerSec: 90 / 60 })).toBe(0);
    const keepingPace = (at: number) => 1000 + verySteep * (at / 1000);
    expect(outpacingRise({ t: 0, demandRps: 1000, demand: keepingPace, trendRpsPerSec: verySteep, recentRpsPerSec: verySteep })).toBe(0);
    expect(outpacingRise({ t: 0, demandRps: 0, demand: flat(0), trendRpsPerSec: 0, recentRpsPerSec: 5 })).toBe(0);
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
