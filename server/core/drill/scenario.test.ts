import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { demandAt, FEB3_PARAMS, FEB3_SEED, formatScenarioJson, generateScenario, scenarioBounds, type Scenario } from './scenario.js';

const feb3 = generateScenario(FEB3_PARAMS, FEB3_SEED);
const at = (local: string): number => Date.parse(`${local}+08:00`);
const MIN = 60_000;

function samplesBetween(s: Scenario, service: string, from: string, to: string): number[] {
  const out: number[] = [];
  for (let t = at(from); t <= at(to); t += s.stepSeconds * 1000) out.push(demandAt(s, service, t));
  return out;
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('generateScenario', () => {
  it('reproduces scenarios/feb3.json byte for byte', () => {
    const file = readFileSync(new URL('../../../scenarios/feb3.json', import.meta.url), 'utf8');
    expect(formatScenarioJson(feb3)).toBe(file);
  });

  it('is deterministic for a seed and differs for another', () => {
    expect(generateScenario(FEB3_PARAMS, FEB3_SEED)).toEqual(feb3);
    expect(generateScenario(FEB3_PARAMS, FEB3_SEED + 1).services.messaging).not.toEqual(feb3.services.messaging);
  });

  it('samples every minute over 2 and 3 February, end included', () => {
    expect(Object.keys(feb3.services)).toEqual(['messaging', 'meetings', 'docs']);
    for (const samples of Object.values(feb3.services)) expect(samples).toHaveLength(2 * 1440 + 1);
    expect(scenarioBounds(feb3)).toEqual({ startMs: at('2020-02-02T00:00:00'), endMs: at('2020-02-04T00:00:00') });
  });

  it.each([
    ['messaging', 48_000],
    ['meetings', 30_000],
    ['docs', 15_000],
  ])('%s peaks at 09:00 on Feb 3 within a few minutes, near its planned peak', (service, peak) => {
    const day = samplesBetween(feb3, service, '2020-02-03T00:00:00', '2020-02-03T23:59:00');
    const top = Math.max(...day);
    expect(Math.abs(day.indexOf(top) - 9 * 60)).toBeLessThanOrEqual(3);
    expect(top).toBeGreaterThan(peak * 0.95);
    expect(top).toBeLessThan(peak * 1.07);
  });

  it.each(['messaging', 'meetings', 'docs'])('%s: the holiday is far below Feb 3, and nights match', (service) => {
    const holiday = samplesBetween(feb3, service, '2020-02-02T09:00:00', '2020-02-02T18:00:00');
    const workday = samplesBetween(feb3, service, '2020-02-03T09:00:00', '2020-02-03T18:00:00');
    expect(mean(workday)).toBeGreaterThan(3 * mean(holiday));
    const shape = FEB3_PARAMS.services[service]!;
    expect(mean(holiday)).toBeCloseTo(shape.holidayRps, -2);
    expect(mean(samplesBetween(feb3, service, '2020-02-03T02:00:00', '2020-02-03T05:00:00'))).toBeCloseTo(shape.nightRps, -2);
  });

  it.each(['messaging', 'meetings', 'docs'])('%s dips at lunch and peaks again in the afternoon', (service) => {
    const lateMorning = mean(samplesBetween(feb3, service, '2020-02-03T10:30:00', '2020-02-03T11:30:00'));
    const lunch = mean(samplesBetween(feb3, service, '2020-02-03T12:30:00', '2020-02-03T13:00:00'));
    const afternoon = samplesBetween(feb3, service, '2020-02-03T13:30:00', '2020-02-03T17:00:00');
    expect(lunch).toBeLessThan(0.8 * lateMorning);
    const top = Math.max(...afternoon);
    const topMinute = 13 * 60 + 30 + afternoon.indexOf(top);
    expect(topMinute).toBeGreaterThanOrEqual(14 * 60 + 15);
    expect(topMinute).toBeLessThanOrEqual(15 * 60 + 15);
    expect(top).toBeCloseTo(FEB3_PARAMS.services[service]!.afternoonPeakRps, -3);
  });

  it('bumps meetings when meetings start on the hour', () => {
    const around = (hhmm: string, offset: number) => demandAt(feb3, 'meetings', at(`2020-02-03T${hhmm}:00`) + offset * MIN);
    expect(around('10:00', 0)).toBeGreaterThan(1.15 * around('10:00', -5));
    expect(around('14:00', 0)).toBeGreaterThan(1.15 * around('14:00', -5));
  });
});

describe('demandAt', () => {
  const s: Scenario = {
    name: 't', description: '', timezone: 'UTC', start: '2020-02-03T00:00:00Z', stepSeconds: 60,
    services: { a: [100, 200, 400] }, seed: null, params: null,
  };
  const t0 = Date.parse(s.start);

  it.each([
    [0, 100],
    [30_000, 150],
    [60_000, 200],
    [90_000, 300],
    [120_000, 400],
    [-1, 0],
    [120_001, 0],
  ])('at +%i ms is %d', (dt, rps) => {
    expect(demandAt(s, 'a', t0 + dt)).toBe(rps);
  });

  it('is 0 for an unknown service', () => {
    expect(demandAt(s, 'b', t0)).toBe(0);
  });

  test.prop([fc.integer({ min: 0, max: 120_000 })])('stays between the neighbouring samples', (dt) => {
    const v = demandAt(s, 'a', t0 + dt);
    const i = Math.min(Math.floor(dt / 60_000), 1);
    expect(v).toBeGreaterThanOrEqual(s.services.a![i]!);
    expect(v).toBeLessThanOrEqual(s.services.a![i + 1]!);
  });
});
