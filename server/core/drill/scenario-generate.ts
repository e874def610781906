import { createRng } from '../rng.js';
import type { Scenario } from './scenario.js';
import type { ScenarioParams } from './scenario-params.js';
import { holidayRps, surgeRps } from './scenario-shape.js';
import { localClockReader, parseIsoInstant } from './scenario-time.js';

/** Noise beyond three standard deviations would be a freak sample, not noise. */
const NOISE_CLAMP_SD = 3;

/**
 * A scenario sampled from the shape every `stepSeconds` from `start` to `end`, with seeded
 * multiplicative noise, rounded to whole rps. Same params and seed, same scenario.
 * Noise is drawn time-major, services in the order `params.services` lists them.
 */
export function generateScenario(params: ScenarioParams, seed: number): Scenario {
  const startMs = parseIsoInstant(params.start) ?? Number.NaN;
  const endMs = parseIsoInstant(params.end) ?? Number.NaN;
  const stepMs = params.stepSeconds * 1000;
  const count = Math.max(Math.floor((endMs - startMs) / stepMs) + 1, 0) || 0;
  const rng = createRng(seed);
  const clock = localClockReader(params.timezone);
  const names = Object.keys(params.services);
  const services: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < count; i++) {
    const { date, minute } = clock(startMs + i * stepMs);
    const surge = params.surgeDates.includes(date);
    for (const name of names) {
      const shape = params.services[name]!;
      const base = surge ? surgeRps(shape, params.surgeDay, minute) : holidayRps(shape, params.holidayDay, minute);
      const z = Math.min(Math.max(rng.normal(), -NOISE_CLAMP_SD), NOISE_CLAMP_SD);
      services[name]!.push(Math.max(Math.round(base * (1 + params.noiseRelativeSd * z)), 0));
    }
  }
  return {
    name: params.name,
    description: params.description,
    timezone: params.timezone,
    start: params.start,
    stepSeconds: params.stepSeconds,
    services,
    seed,
    params: JSON.parse(JSON.stringify(params)) as unknown,
  };
}
