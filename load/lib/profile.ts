/**
 * The demand profile of a scenario file turned into k6 arrival-rate stages, and the
 * scenario clock a running k6 test is at. Plain TypeScript with no k6 imports and no
 * relative imports, so vitest imports it as it is and k6 strips its types.
 *
 * Units: scenario rates are requests per second of scenario time, as people sent them.
 * One k6 request stands for `scale` of them (sent as its weight), and k6 runs the
 * scenario `timeScale` times faster than it happened. Rates are not compressed (the
 * server sees the real magnitude per wall second); durations are.
 */

/** scenarios/<name>.json, as the scenario generator writes it. */
export interface ScenarioFile {
  name: string;
  timezone: string;
  /** ISO 8601 instant of the first sample, with its offset */
  start: string;
  stepSeconds: number;
  /** demand in requests per second, one value per step from `start` */
  services: Record<string, number[]>;
}

export interface Stage {
  duration: string;
  target: number;
}

export interface ServiceSchedule {
  service: string;
  /** iterations per timeUnit when the scenario starts */
  startRate: number;
  stages: Stage[];
  /** the highest target, in k6 requests per wall second */
  peakPerSecond: number;
  /** iterations k6 is expected to start over the whole window */
  expectedIterations: number;
}

export interface ScheduleOptions {
  fromMs: number;
  toMs: number;
  /** scenario seconds per wall second */
  timeScale: number;
  /** people's requests per k6 request */
  scale: number;
  /** the k6 `timeUnit` targets are counted in, seconds */
  timeUnitSeconds: number;
}

export type Phase = 'before' | 'overload' | 'after';

export interface Span {
  fromMs: number;
  toMs: number;
}

const ISO_WITH_OPTIONAL_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** The offset ("+08:00", "Z") an ISO 8601 instant is written with, or null. */
export function offsetOf(iso: string): string | null {
  return OFFSET.exec(iso)?.[1] ?? null;
}

/**
 * Epoch ms of an ISO 8601 date-time; one written without an offset is read in
 * `defaultOffset` (the scenario's own), so "2020-02-03T09:00" means 09:00 where the
 * surge happened, on every machine. Null for anything else.
 */
export function parseInstant(text: string, defaultOffset: string): number | null {
  const match = ISO_WITH_OPTIONAL_OFFSET.exec(text);
  if (!match) return null;
  const ms = Date.parse(match[1] === undefined ? `${text}${defaultOffset}` : text);
  return Number.isFinite(ms) ? ms : null;
}

/** ISO 8601 text of `ms` written with `offset`, to the second: what the drill API is sent. */
export function formatInstant(ms: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMinutes = offset === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

/** A k6 duration string for `ms` wall milliseconds, exact to the microsecond. */
export function k6Duration(ms: number): string {
  return Number.isInteger(ms) ? `${ms}ms` : `${Math.round(ms * 1000)}us`;
}

/** Index of the sample at `ms`; throws when `ms` is off the scenario's step grid or range. */
export function sampleIndex(scenario: ScenarioFile, ms: number): number {
  const startMs = Date.parse(scenario.start);
  const index = (ms - startMs) / (scenario.stepSeconds * 1000);
  const length = Math.min(...Object.values(scenario.services).map((rps) => rps.length));
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    const last = formatInstant(startMs + (length - 1) * scenario.stepSeconds * 1000, offsetOf(scenario.start) ?? 'Z');
    throw new RangeError(
      `${formatInstant(ms, offsetOf(scenario.start) ?? 'Z')} is not a sample time of scenario ${scenario.name}: ` +
        `pick a whole ${scenario.stepSeconds}-second step from ${scenario.start} to ${last}`,
    );
  }
  return index;
}

/** Requests per timeUnit that k6 sends for `rps` people's requests per second; k6 targets are integers. */
export function ratePerUnit(rps: number, scale: number, timeUnitSeconds: number): number {
  return Math.round((rps * timeUnitSeconds) / scale);
}

/** The highest total demand over all services in [from, to], requests per second. */
export function peakTotalRps(scenario: ScenarioFile, fromMs: number, toMs: number): number {
  const first = sampleIndex(scenario, fromMs);
  const last = sampleIndex(scenario, toMs);
  let peak = 0;
  for (let i = first; i <= last; i += 1) {
    let total = 0;
    for (const rps of Object.values(scenario.services)) total += rps[i] ?? 0;
    peak = Math.max(peak, total);
  }
  return peak;
}

/** The smallest whole scale at which k6 sends at most `peakRequestsPerSecond` at the window's peak. */
export function scaleForPeak(scenario: ScenarioFile, fromMs: number, toMs: number, peakRequestsPerSecond: number): number {
  return Math.max(1, Math.ceil(peakTotalRps(scenario, fromMs, toMs) / peakRequestsPerSecond));
}

/**
 * One stage per scenario step from `from` to `to`: k6 ramps linearly from one sample's
 * rate to the next over the step's compressed duration, so the offered load follows the
 * profile's piecewise-linear curve exactly.
 */
export function serviceSchedule(scenario: ScenarioFile, service: string, options: ScheduleOptions): ServiceSchedule {
  const profile = scenario.services[service];
  if (profile === undefined) throw new RangeError(`scenario ${scenario.name} has no service ${service}`);
  const first = sampleIndex(scenario, options.fromMs);
  const last = sampleIndex(scenario, options.toMs);
  if (last <= first) throw new RangeError(`the window must end after it starts (${scenario.name}: ${service})`);
  const rate = (i: number): number => ratePerUnit(profile[i] ?? 0, options.scale, options.timeUnitSeconds);
  const stepWallSeconds = scenario.stepSeconds / options.timeScale;
  const duration = k6Duration(stepWallSeconds * 1000);
  const stages: Stage[] = [];
  let peak = rate(first);
  let area = 0;
  for (let i = first + 1; i <= last; i += 1) {
    stages.push({ duration, target: rate(i) });
    peak = Math.max(peak, rate(i));
    area += ((rate(i - 1) + rate(i)) / 2) * (stepWallSeconds / options.timeUnitSeconds);
  }
  return {
    service,
    startRate: rate(first),
    stages,
    peakPerSecond: peak / options.timeUnitSeconds,
    expectedIterations: Math.round(area),
  };
}

/** The scenario instant a k6 test is at, `elapsedWallMs` after its scenarios started. */
export function scenarioInstant(fromMs: number, elapsedWallMs: number, timeScale: number): number {
  return fromMs + elapsedWallMs * timeScale;
}

/** Where `ms` falls against the window in which the plan is expected to throttle. */
export function phaseAt(ms: number, overload: Span): Phase {
  if (ms < overload.fromMs) return 'before';
  return ms < overload.toMs ? 'overload' : 'after';
}

/**
 * VUs for an arrival rate: the docs' rule, rate × iteration time + a margin. Answers take
 * up to ~2 s while the fleet is queueing (the server caps the simulated delay), so the pool
 * may grow to the queued size; it starts at `calmSeconds` worth because k6 starts the VUs
 * beyond the pre-allocated ones slowly and drops iterations meanwhile.
 */
export function vusFor(peakPerSecond: number, calmSeconds: number, worstSeconds: number): { preAllocatedVUs: number; maxVUs: number } {
  const preAllocatedVUs = Math.ceil(peakPerSecond * calmSeconds) + 5;
  return { preAllocatedVUs, maxVUs: Math.max(preAllocatedVUs, Math.ceil(peakPerSecond * worstSeconds) + 10) };
}
