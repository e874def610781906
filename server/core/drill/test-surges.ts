/**
 * Test helper: surges the plan was not written for, as scenarios built on Feb 3. The day
 * before (the holiday) is kept as it was, so the forecast's daily shape is the one a drill
 * would have; the surge day is reshaped. Each kind is a record of parameters rather than a
 * trace, so that a counterexample reads as one line.
 */
import fc from 'fast-check';
import type { PolicyName, Plan } from '../plan/types.js';
import { replay, type ReplayResult } from './replay.js';
import type { Scenario } from './scenario.js';

const DAY_STEPS = 1440;

/** Feb 3 with the surge day scaled and shifted by whole minutes. */
export interface ShapedSurge {
  kind: 'feb3';
  scale: number;
  shift: number;
}
/** A flat day, then at 09:00 a linear rise to `multiple` times the base, a hold, and a decline. */
export interface RampSurge {
  kind: 'ramp';
  base: number;
  multiple: number;
  rampMinutes: number;
  holdMinutes: number;
}
/** Two ramps: the second starts `gapMinutes` after the first one's decline ended. */
export interface DoubleSurge {
  kind: 'double';
  base: number;
  first: number;
  second: number;
  rampMinutes: number;
  gapMinutes: number;
}
/** A rise at 09:00 to a level that then stays for the rest of the day. */
export interface PlateauSurge {
  kind: 'plateau';
  base: number;
  multiple: number;
  rampMinutes: number;
}
export type Surge = ShapedSurge | RampSurge | DoubleSurge | PlateauSurge;

const HOLD_MINUTES = 30;
const DECLINE_MINUTES = 30;

/** One wave's multiple of the base `m` minutes after it began (0 before and after it). */
function wave(m: number, multiple: number, rampMinutes: number, holdMinutes: number): number {
  if (m < 0) return 0;
  if (m < rampMinutes) return ((multiple - 1) * m) / rampMinutes;
  if (m < rampMinutes + holdMinutes) return multiple - 1;
  return Math.max(0, (multiple - 1) * (1 - (m - rampMinutes - holdMinutes) / DECLINE_MINUTES));
}

/** The surge day's demand `m` minutes after 09:00, for the synthetic kinds. */
function synthetic(s: RampSurge | DoubleSurge | PlateauSurge, m: number): number {
  if (s.kind === 'ramp') return s.base * (1 + wave(m, s.multiple, s.rampMinutes, s.holdMinutes));
  if (s.kind === 'plateau') return s.base * (1 + wave(m, s.multiple, s.rampMinutes, Infinity));
  const second = s.rampMinutes + HOLD_MINUTES + DECLINE_MINUTES + s.gapMinutes;
  return s.base * (1 + wave(m, s.first, s.rampMinutes, HOLD_MINUTES) + wave(m - second, s.second, s.rampMinutes, HOLD_MINUTES));
}

/** `service`'s demand (one sample a minute over both days) for a surge. */
export function surgeTrace(feb3: Scenario, service: string, s: Surge): number[] {
  const src = feb3.services[service] as number[];
  if (s.kind === 'feb3') {
    return src.map((v, i) => (i < DAY_STEPS ? v : (src[Math.min(Math.max(i - s.shift, DAY_STEPS), src.length - 1)] as number) * s.scale));
  }
  return src.map((_, i) => (i < DAY_STEPS ? s.base : synthetic(s, i - DAY_STEPS - 9 * 60)));
}

/** Feb 3 with every one of `services` reshaped by the same surge. */
export function surgeScenario(feb3: Scenario, services: readonly string[], s: Surge): Scenario {
  return { ...feb3, services: Object.fromEntries(services.map((name) => [name, surgeTrace(feb3, name, s)])) };
}

/** How high and for how long a ramp's wave climbs, and a double wave's first one (ranges, inclusive). */
export const RAMP_LIMITS = { multiple: [3, 15], rampMinutes: [3, 60] } as const;
export const DOUBLE_FIRST_LIMITS = { multiple: [2, 8], rampMinutes: [3, 40] } as const;

/** Each family's parameters: the promise-record test and tools/promise-table sample the same ones. */
export const SURGE_FAMILIES: Record<Surge['kind'], fc.Arbitrary<Surge>> = {
  feb3: fc.record({ kind: fc.constant('feb3' as const), scale: fc.double({ min: 0.5, max: 1.5, noNaN: true }), shift: fc.integer({ min: -30, max: 30 }) }),
  ramp: fc.record({
    kind: fc.constant('ramp' as const),
    base: fc.integer({ min: 1000, max: 4000 }),
    multiple: fc.double({ min: RAMP_LIMITS.multiple[0], max: RAMP_LIMITS.multiple[1], noNaN: true }),
    rampMinutes: fc.integer({ min: RAMP_LIMITS.rampMinutes[0], max: RAMP_LIMITS.rampMinutes[1] }),
    holdMinutes: fc.integer({ min: 20, max: 120 }),
  }),
  double: fc.record({
    kind: fc.constant('double' as const),
    base: fc.integer({ min: 1000, max: 4000 }),
    first: fc.double({ min: DOUBLE_FIRST_LIMITS.multiple[0], max: DOUBLE_FIRST_LIMITS.multiple[1], noNaN: true }),
    second: fc.double({ min: 2, max: 12, noNaN: true }),
    rampMinutes: fc.integer({ min: DOUBLE_FIRST_LIMITS.rampMinutes[0], max: DOUBLE_FIRST_LIMITS.rampMinutes[1] }),
    gapMinutes: fc.integer({ min: 0, max: 60 }),
  }),
  plateau: fc.record({
    kind: fc.constant('plateau' as const),
    base: fc.integer({ min: 1000, max: 4000 }),
    multiple: fc.double({ min: 3, max: 15, noNaN: true }),
    rampMinutes: fc.integer({ min: 3, max: 60 }),
  }),
};

/**
 * The sample of each family the promise-record test holds to the goals, and tools/promise-table
 * shows by default: fixed, so every run scores the same traces.
 */
export const SURGE_SAMPLE = { seed: 20200203, runs: 20 } as const;

/** The part of the surge day a sample replays, epoch ms: the morning, and the waves in it. */
export const SURGE_FROM = Date.parse('2020-02-03T06:00:00+08:00');
export const SURGE_TO = Date.parse('2020-02-03T13:00:00+08:00');

/** When the synthetic kinds' waves begin (surge day, 09:00 in the scenario's zone). */
export const WAVES_AT = Date.parse('2020-02-03T09:00:00+08:00');

/**
 * From when a surge's notices count, epoch ms. The synthetic kinds hold a flat day until
 * 09:00 at a base the plan's initial fleet (sized for Feb 3) may not serve, so a replay from
 * SURGE_FROM opens with a short cold-start incident at 06:01. Its notices are all on target
 * and say nothing of promises during a surge: counted, they made 15 of a sample's 66 scored
 * ramp notices and lifted the family's share by 8 points. Feb 3 reshaped counts from
 * SURGE_FROM: its whole morning is the surge day.
 */
export function surgeNoticesFrom(s: Surge): number {
  return s.kind === 'feb3' ? SURGE_FROM : WAVES_AT;
}

/** The services a surge moves: Feb 3 reshaped moves every one; the synthetic shapes are sized for video meetings. */
export function surgeServices(feb3: Scenario, s: Surge): string[] {
  return s.kind === 'feb3' ? Object.keys(feb3.services) : ['meetings'];
}

/**
 * The surge day's morning (SURGE_FROM to SURGE_TO) replayed under `policy`; throws, naming the
 * surge, when the replay refuses. A caller replaying one surge under several policies passes
 * the scenario it built once.
 */
export function replaySurge(plan: Plan, feb3: Scenario, s: Surge, policy: PolicyName, scenario = surgeScenario(feb3, surgeServices(feb3, s), s)): ReplayResult {
  const run = replay(plan, scenario, { policy, from: SURGE_FROM, to: SURGE_TO });
  if (!run.ok) throw new Error(`${JSON.stringify(s)} under ${policy}: ${run.errors.map((e) => e.message).join('; ')}`);
  return run.value;
}
