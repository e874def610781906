import { test, fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { ConditionMetric, ServicePlan, Trigger } from '../plan/types.js';
import { detect, initialDetectState, MIN_BASELINE_RPS, type DetectResult, type DetectState } from './index.js';
import { all, any, cond, makeServicePlan, makeTrigger, TEST_LEVELS } from './test-plan.js';

/** Runs (t seconds, rps) ticks from t0 = 0 with quiet latency, errors and utilisation. */
function runSeries(svc: ServicePlan, series: Array<[number, number]>, start?: DetectState): DetectResult[] {
  let state = start ?? initialDetectState(svc, 0);
  return series.map(([t, rps]) => {
    const r = detect(svc, TEST_LEVELS, state, { t: t * 1000, rps, latencyMs: 50, errorRate: 0, utilization: 0.5 });
    state = r.state;
    return r;
  });
}

describe('detect: triggers to levels (5 s ticks, baseline 300 rps)', () => {
  const svc = makeServicePlan({
    triggers: [
      makeTrigger('elevated', all(cond('baselineMultiple', '>=', 2)), { forSeconds: 10, clearForSeconds: 15 }),
      makeTrigger('surge', any(cond('rps', '>', 900)), { clear: any(cond('rps', '<', 600)) }),
    ],
  });

  it('follows the tick table: exact pending, firing, clearing and resolved ticks', () => {
    const series: Array<[number, number]> = [[5, 300], [10, 700], [15, 700], [20, 1000], [25, 800], [30, 500], [35, 500], [40, 500], [45, 300]];
    const table = runSeries(svc, series).map((r, i) => ({
      t: series[i]?.[0],
      level: r.level,
      firing: r.firing.join(','),
      phases: r.state.triggers.map((s) => s.phase).join(','),
      events: r.events.map((e) => e.type).join(' '),
    }));
    expect(table).toEqual([
      { t: 5, level: 'normal', firing: '', phases: 'inactive,inactive', events: '' },
      { t: 10, level: 'normal', firing: '', phases: 'pending,inactive', events: 'trigger:pending' },
      { t: 15, level: 'elevated', firing: 'elevated', phases: 'firing,inactive', events: 'trigger:firing level:changed' },
      { t: 20, level: 'surge', firing: 'elevated,surge', phases: 'firing,firing', events: 'trigger:firing level:changed' },
      { t: 25, level: 'surge', firing: 'elevated,surge', phases: 'firing,firing', events: '' },
      { t: 30, level: 'elevated', firing: 'elevated', phases: 'clearing,inactive', events: 'trigger:clearing trigger:resolved level:changed' },
      { t: 35, level: 'elevated', firing: 'elevated', phases: 'clearing,inactive', events: '' },
      { t: 40, level: 'normal', firing: '', phases: 'inactive,inactive', events: 'trigger:resolved level:changed' },
      { t: 45, level: 'normal', firing: '', phases: 'inactive,inactive', events: '' },
    ]);
  });

  it('explains itself: messages carry the condition and the observed numbers', () => {
    const [, , fired] = runSeries(svc, [[5, 300], [10, 700], [15, 700]]);
    expect(fired?.events[0]?.message).toBe(
      'Surge trigger for level "elevated" is firing: baselineMultiple >= 2 (baselineMultiple=2.33) has held for 10s.',
    );
    expect(fired?.events[1]).toMatchObject({ type: 'level:changed', data: { from: 'normal', to: 'elevated' } });
  });
});

describe('detect: baseline and growth', () => {
  const surgeAt500 = [makeTrigger('surge', any(cond('rps', '>', 500)))];
  /** a 3-minute baseline window, full by the last tick, so the learned median shows without initialRps */
  const threeMinutes = { ...makeServicePlan().baseline, windowSeconds: 180 };
  /** minute 0 at 100 rps, minutes 1-2 at 1000 rps, then one tick in minute 3 */
  const series: Array<[number, number]> = [];
  for (let t = 10; t <= 180; t += 10) series.push([t, t <= 60 ? 100 : 1000]);
  series.push([190, 1000]);

  it('leaves surge samples out of the baseline while a trigger fires (freezeWhileFiring)', () => {
    const svc = makeServicePlan({ triggers: surgeAt500, baseline: threeMinutes });
    const last = runSeries(svc, series).at(-1);
    expect(last?.baselineRps).toBe(100);
    expect(last?.baselineMultiple).toBe(10);
  });

  it('learns the surge when freezeWhileFiring is off', () => {
    const svc = makeServicePlan({ triggers: surgeAt500, baseline: threeMinutes });
    const learning = { ...svc, baseline: { ...svc.baseline, freezeWhileFiring: false } };
    expect(runSeries(learning, series).at(-1)?.baselineRps).toBe(1000);
  });

  it('reports growth as percent of the baseline per minute', () => {
    // +10 rps every 10 s = 60 rps/min on a 300 rps baseline = 20 %/min
    const ramp: Array<[number, number]> = [10, 20, 30].map((t) => [t, 300 + t]);
    const results = runSeries(makeServicePlan(), ramp);
    expect(results.map((r) => r.growthPctPerMin)).toEqual([0, 20, 20]);
  });

  it('floors the baseline so a silent service gives a finite multiple', () => {
    const svc = makeServicePlan();
    const quiet = { ...svc, baseline: { ...svc.baseline, initialRps: 0 } };
    const [r] = runSeries(quiet, [[10, 5]]);
    expect(r?.baselineRps).toBe(0);
    expect(r?.baselineMultiple).toBe(5 / MIN_BASELINE_RPS);
  });
});

const metricArb = fc.constantFrom<ConditionMetric>('rps', 'baselineMultiple', 'growthPctPerMin');
const conditionArb = fc.record({
  metric: metricArb,
  op: fc.constantFrom('>' as const, '>=' as const, '<' as const, '<=' as const),
  value: fc.integer({ min: 0, max: 2000 }),
});
const groupArb = fc.record({
  combine: fc.constantFrom('any' as const, 'all' as const),
  conditions: fc.array(conditionArb, { minLength: 1, maxLength: 3 }),
});
const triggerArb: fc.Arbitrary<Trigger> = fc.record({
  level: fc.constantFrom(...TEST_LEVELS.slice(1)),
  when: groupArb,
  forSeconds: fc.constantFrom(0, 10, 30, 60),
  clear: fc.option(groupArb, { nil: null }),
  clearForSeconds: fc.constantFrom(0, 10, 30, 60),
});
const seriesArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 2000 })), {
  minLength: 1,
  maxLength: 120,
});

function toSeries(steps: Array<[number, number]>): Array<[number, number]> {
  let t = 0;
  return steps.map(([dt, rps]) => [(t += dt * 5), rps]);
}

describe('detect: properties', () => {
  test.prop([fc.array(triggerArb, { maxLength: 4 }), seriesArb])(
    'the level is normal or a plan level, and is the most severe firing level',
    (triggers, steps) => {
      const svc = makeServicePlan({ triggers });
      for (const r of runSeries(svc, toSeries(steps))) {
        expect(['normal', ...TEST_LEVELS]).toContain(r.level);
        expect(r.level).toBe(r.firing.at(-1) ?? 'normal');
        expect(r.firing.every((l) => TEST_LEVELS.includes(l))).toBe(true);
        for (const e of r.events.filter((ev) => ev.type === 'level:changed')) expect(e.data?.to).toBe(r.level);
      }
    },
  );

  test.prop([fc.array(triggerArb, { maxLength: 4 }), seriesArb, fc.nat()])(
    'state survives a JSON round trip mid-run and gives byte-identical results',
    (triggers, steps, cut) => {
      const svc = makeServicePlan({ triggers });
      const series = toSeries(steps);
      const k = cut % series.length;
      const straight = runSeries(svc, series);
      const head = runSeries(svc, series.slice(0, k));
      const start = head.at(-1)?.state ?? initialDetectState(svc, 0);
      const resumed = runSeries(svc, series.slice(k), JSON.parse(JSON.stringify(start)) as DetectState);
      expect(JSON.stringify([...head, ...resumed])).toBe(JSON.stringify(straight));
    },
  );
});
