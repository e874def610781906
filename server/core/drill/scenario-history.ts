/**
 * A scenario's demand as the forecast's history (engine/demand-forecast.ts), at a minute's
 * step over the whole scenario. The engine reads it only a day back from now, never at or
 * after now, so the replay and a live drill of a generated scenario can both pass all of it:
 * each tick sees the previous day's shape and nothing of what is yet to come.
 */
import type { DemandHistory } from '../engine/types.js';
import { demandSampler, scenarioBounds, type Scenario } from './scenario.js';

const HISTORY_STEP_MS = 60_000;

export function scenarioHistory(scenario: Scenario, services: readonly string[]): Record<string, DemandHistory> {
  const { startMs, endMs } = scenarioBounds(scenario);
  const out: Record<string, DemandHistory> = {};
  for (const name of services) {
    const at = demandSampler(scenario, name);
    const rps: number[] = [];
    for (let t = startMs; t <= endMs; t += HISTORY_STEP_MS) rps.push(at(t));
    out[name] = { startMs, stepMs: HISTORY_STEP_MS, rps };
  }
  return out;
}
