/**
 * A scenario: demand in requests per second per service, sampled at a regular step. The
 * Feb-3 scenario is generated (scenario-generate.ts); others are written by hand as JSON
 * (scenario-json.ts) or come from CSV traces (csv-trace.ts).
 */

export interface Scenario {
  name: string;
  description: string;
  /** IANA time zone the scenario's people live in */
  timezone: string;
  /** first sample, ISO 8601 with offset */
  start: string;
  /** sample spacing, seconds */
  stepSeconds: number;
  /** demand rps per step, the same length for all services */
  services: Record<string, number[]>;
  /** generation seed and parameters, when generated */
  seed: number | null;
  params: unknown | null;
}

export { generateScenario } from './scenario-generate.js';
export { FEB3_PARAMS, FEB3_SEED } from './scenario-params.js';
export type { HolidayDayParams, ScenarioParams, ServiceShape, SurgeDayParams } from './scenario-params.js';
export { formatScenarioJson, parseScenarioJson } from './scenario-json.js';

/** Linear interpolation at `x` samples from the first; 0 outside them. */
function interpolate(samples: readonly number[], x: number): number {
  if (!(x >= 0 && x <= samples.length - 1)) return 0;
  const i = Math.floor(x);
  const before = samples[i] ?? 0;
  const after = samples[i + 1] ?? before;
  return before + (after - before) * (x - i);
}

/** Demand of `service` at `tMs`, linearly interpolated between samples; 0 outside the scenario or for an unknown service. */
export function demandAt(scenario: Scenario, service: string, tMs: number): number {
  const samples = scenario.services[service];
  if (!samples || samples.length === 0) return 0;
  return interpolate(samples, (tMs - Date.parse(scenario.start)) / (scenario.stepSeconds * 1000));
}

/**
 * demandAt for one service, its lookups done once: the same numbers, for a replay that asks
 * every tick. (demandAt parses the scenario's start on every call.)
 */
export function demandSampler(scenario: Scenario, service: string): (tMs: number) => number {
  const samples = scenario.services[service];
  if (!samples || samples.length === 0) return () => 0;
  const startMs = Date.parse(scenario.start);
  const stepMs = scenario.stepSeconds * 1000;
  return (tMs) => interpolate(samples, (tMs - startMs) / stepMs);
}

/** First and last sample times, epoch ms. */
export function scenarioBounds(s: Scenario): { startMs: number; endMs: number } {
  const startMs = Date.parse(s.start);
  const count = Math.max(0, ...Object.values(s.services).map((samples) => samples.length));
  return { startMs, endMs: startMs + Math.max(count - 1, 0) * s.stepSeconds * 1000 };
}
