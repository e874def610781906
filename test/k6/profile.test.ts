/**
 * The profile-to-stages math of load/lib/profile.ts. It lives here rather than beside the
 * script because vitest collects tests from server/, dashboard/src/ and test/ only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  formatInstant,
  k6Duration,
  parseInstant,
  peakTotalRps,
  phaseAt,
  ratePerUnit,
  sampleIndex,
  scaleForPeak,
  scenarioInstant,
  serviceSchedule,
  vusFor,
} from '../../load/lib/profile.js';
import type { ScenarioFile } from '../../load/lib/profile.js';
import { sloTable } from '../../load/lib/config.js';

const START = '2020-02-03T07:00:00+08:00';
const startMs = Date.parse(START);
const MINUTE = 60_000;

const scenarioOf = (services: Record<string, number[]>): ScenarioFile => ({
  name: 'test',
  timezone: 'Asia/Shanghai',
  start: START,
  stepSeconds: 60,
  services,
});

/** Wall milliseconds of a k6 duration string as k6Duration writes it. */
const wallMs = (duration: string): number =>
  duration.endsWith('us') ? Number(duration.slice(0, -2)) / 1000 : Number(duration.slice(0, -2));

describe('instants', () => {
  it('reads a time without an offset in the scenario offset, and one with an offset as written', () => {
    expect(parseInstant('2020-02-03T09:00', '+08:00')).toBe(Date.parse('2020-02-03T01:00:00Z'));
    expect(parseInstant('2020-02-03T09:00:30', '+08:00')).toBe(Date.parse('2020-02-03T01:00:30Z'));
    expect(parseInstant('2020-02-03T09:00:00Z', '+08:00')).toBe(Date.parse('2020-02-03T09:00:00Z'));
    expect(parseInstant('2020-02-03T09:00-05:00', '+08:00')).toBe(Date.parse('2020-02-03T14:00:00Z'));
  });

  it.each(['09:00', '2020-02-03', '2020-02-03 09:00', 'tomorrow', '2020-02-03T09:00+8'])('refuses %s', (text) => {
    expect(parseInstant(text, '+08:00')).toBeNull();
  });

  test.prop([fc.integer({ min: 0, max: 4_000_000_000 }), fc.constantFrom('Z', '+08:00', '-05:30', '+05:45')])(
    'formatInstant writes the same instant, to the second, in the offset given',
    (seconds, offset) => {
      const text = formatInstant(seconds * 1000, offset);
      expect(text.endsWith(offset)).toBe(true);
      expect(parseInstant(text, 'Z')).toBe(seconds * 1000);
    },
  );
});

describe('k6Duration', () => {
  it.each([
    [500, '500ms'],
    [60_000, '60000ms'],
    [60_000 / 144, '416667us'],
  ])('%f ms is %s', (ms, text) => {
    expect(k6Duration(ms)).toBe(text);
  });
});

describe('sampleIndex', () => {
  const scenario = scenarioOf({ a: [1, 2, 3], b: [1, 2, 3, 4] });

  it('counts steps from the scenario start, up to the shortest service', () => {
    expect(sampleIndex(scenario, startMs)).toBe(0);
    expect(sampleIndex(scenario, startMs + 2 * MINUTE)).toBe(2);
  });

  it.each([
    ['before the start', startMs - MINUTE],
    ['past the end of the shortest service', startMs + 3 * MINUTE],
    ['between two steps', startMs + 30_000],
  ])('refuses a time %s, naming the range', (_, ms) => {
    expect(() => sampleIndex(scenario, ms)).toThrow(/pick a whole 60-second step from 2020-02-03T07:00:00\+08:00 to 2020-02-03T07:02:00\+08:00/);
  });
});

describe('serviceSchedule', () => {
  const options = { fromMs: startMs, toMs: startMs + 3 * MINUTE, timeScale: 120, scale: 10, timeUnitSeconds: 60 };

  it('ramps from the first sample through one stage per later sample, in k6 requests per timeUnit', () => {
    const schedule = serviceSchedule(scenarioOf({ chat: [100, 200, 50, 300, 999] }), 'chat', options);
    expect(schedule).toEqual({
      service: 'chat',
      startRate: 600,
      stages: [
        { duration: '500ms', target: 1200 },
        { duration: '500ms', target: 300 },
        { duration: '500ms', target: 1800 },
      ],
      peakPerSecond: 30,
      // trapezoids of 0.5 s each, in per-minute rates: (900 + 750 + 1050) * 0.5/60 = 22.5
      expectedIterations: 23,
    });
  });

  it('names a service the scenario lacks', () => {
    expect(() => serviceSchedule(scenarioOf({ chat: [1, 2, 3, 4] }), 'video', options)).toThrow(/has no service video/);
  });

  it('refuses a window that does not move forward', () => {
    expect(() => serviceSchedule(scenarioOf({ chat: [1, 2, 3, 4] }), 'chat', { ...options, toMs: startMs })).toThrow(/must end after it starts/);
  });

  const profiles = fc.array(fc.double({ min: 0, max: 100_000, noNaN: true }), { minLength: 2, maxLength: 60 });

  test.prop([profiles, fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 60), fc.constantFrom(1, 60, 120, 144, 600)])(
    'stage durations add up to the compressed window and every target is the rounded rate',
    (rps, scale, timeUnitSeconds, timeScale) => {
      const toMs = startMs + (rps.length - 1) * MINUTE;
      const schedule = serviceSchedule(scenarioOf({ s: rps }), 's', { fromMs: startMs, toMs, timeScale, scale, timeUnitSeconds });
      expect(schedule.stages).toHaveLength(rps.length - 1);
      const total = schedule.stages.reduce((sum, stage) => sum + wallMs(stage.duration), 0);
      expect(total).toBeCloseTo(((rps.length - 1) * MINUTE) / timeScale, 0);
      expect(schedule.startRate).toBe(ratePerUnit(rps[0] ?? 0, scale, timeUnitSeconds));
      schedule.stages.forEach((stage, i) => expect(stage.target).toBe(ratePerUnit(rps[i + 1] ?? 0, scale, timeUnitSeconds)));
      expect(Number.isInteger(schedule.startRate) && schedule.stages.every((s) => Number.isInteger(s.target))).toBe(true);
    },
  );

  test.prop([fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 60)])(
    'the rate k6 sends, times the weight, is the demand to within half a request per timeUnit',
    (rps, scale, timeUnitSeconds) => {
      const sent = (ratePerUnit(rps, scale, timeUnitSeconds) / timeUnitSeconds) * scale;
      expect(Math.abs(sent - rps)).toBeLessThanOrEqual(scale / (2 * timeUnitSeconds) + 1e-6);
    },
  );
});

describe('scaleForPeak', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 1, max: 1000 })])(
    'is the smallest whole scale keeping the peak total at or under the cap',
    (rps, cap) => {
      const scenario = scenarioOf({ a: rps, b: rps.map((r) => Math.floor(r / 2)) });
      const toMs = startMs + (rps.length - 1) * MINUTE;
      const scale = scaleForPeak(scenario, startMs, toMs, cap);
      const peak = peakTotalRps(scenario, startMs, toMs);
      expect(peak / scale).toBeLessThanOrEqual(cap);
      if (scale > 1) expect(peak / (scale - 1)).toBeGreaterThan(cap);
    },
  );
});

describe('phases', () => {
  const overload = { fromMs: startMs + 60 * MINUTE, toMs: startMs + 120 * MINUTE };

  it.each([
    [0, 'before'],
    [59, 'before'],
    [60, 'overload'],
    [119, 'overload'],
    [120, 'after'],
    [300, 'after'],
  ])('minute %i of the window is %s', (minute, phase) => {
    expect(phaseAt(startMs + minute * MINUTE, overload)).toBe(phase);
  });

  it('a wall second at 120x is two scenario minutes', () => {
    expect(scenarioInstant(startMs, 1000, 120)).toBe(startMs + 2 * MINUTE);
  });
});

describe('vusFor', () => {
  test.prop([fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })])(
    'covers the calm iteration time at the peak and never lets maxVUs fall below preAllocatedVUs',
    (peak, calm, worst) => {
      const vus = vusFor(peak, calm, worst);
      expect(vus.preAllocatedVUs).toBeGreaterThanOrEqual(peak * calm);
      expect(vus.maxVUs).toBeGreaterThanOrEqual(vus.preAllocatedVUs);
      expect(vus.maxVUs).toBeGreaterThanOrEqual(peak * worst);
    },
  );
});

describe('scenarios/feb3.json, as the end-to-end test replays it', () => {
  const feb3 = JSON.parse(readFileSync(new URL('../../scenarios/feb3.json', import.meta.url), 'utf8')) as ScenarioFile;
  const fromMs = parseInstant('2020-02-03T07:00', '+08:00') ?? Number.NaN;
  const toMs = parseInstant('2020-02-03T12:00', '+08:00') ?? Number.NaN;

  it('fits 07:00 to 12:00 into 150 s of k6 at 120x with the peak at about 300 requests a second', () => {
    const scale = scaleForPeak(feb3, fromMs, toMs, 300);
    const schedules = Object.keys(feb3.services).map((service) =>
      serviceSchedule(feb3, service, { fromMs, toMs, timeScale: 120, scale, timeUnitSeconds: 60 }),
    );
    for (const s of schedules) {
      expect(s.stages).toHaveLength(300);
      expect(s.stages.reduce((sum, stage) => sum + wallMs(stage.duration), 0)).toBe(150_000);
      // quiet early morning still sends something for every service
      expect(s.startRate).toBeGreaterThan(0);
    }
    const peak = schedules.reduce((sum, s) => sum + s.peakPerSecond, 0);
    expect(peak).toBeGreaterThan(250);
    expect(peak).toBeLessThanOrEqual(310);
  });
});

describe('SLO_MS', () => {
  it.each([
    ['500', { byService: {}, otherwise: 500 }],
    ['messaging=500,meetings=800,600', { byService: { messaging: 500, meetings: 800 }, otherwise: 600 }],
    ['messaging=500,meetings=800', { byService: { messaging: 500, meetings: 800 }, otherwise: 500 }],
  ])('%s', (text, table) => {
    expect(sloTable(text)).toEqual(table);
  });

  it.each(['', 'fast', 'messaging=', '=500', 'messaging=-1'])('refuses %j, naming the variable', (text) => {
    expect(() => sloTable(text)).toThrow(/^SLO_MS=/);
  });
});
