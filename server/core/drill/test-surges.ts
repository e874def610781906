/**
 * Test helper: surges the plan was not written for, as scenarios built on Feb 3. The day
 * before (the holiday) is kept as it was, so the forecast's daily shape is the one a drill
 * would have; the surge day is reshaped. Each kind is a record of parameters rather than a
 * trace, so that a counterexample reads as one line.
 */
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
