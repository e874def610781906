/**
 * The expected recovery as the engine itself foresees it: the service's state run forward
 * tick by tick under the plan's own policy and limits (quota, maximum, warm-up, throttling)
 * with the demand forecast, through the same stages as step(). Users are affected at a tick
 * when latency exceeds the objective or requests are refused; they have recovered from the
 * start of a calm stretch that lasts STABLE_MS and, if it starts sooner, through LOOKAHEAD_MS.
 *
 * The run is bounded (HORIZON_MS) and made only when a notice needs it, so it stays cheap;
 * past the first half hour it takes coarser steps (stepAfter), where a minute or two of
 * resolution is well within what a promise that far out can be held to.
 * The range: earliest is the first calm tick of the run; latest the recovery of a second run
 * with demand 15% above the forecast (null when that one does not recover in the horizon).
 *
 * While demand rises steeply beyond what the forecast explains (steep-rise.ts), the forecast
 * cannot be stood behind, and how long the rise goes on decides the recovery (rising()):
 * - a very steep rise (risingVerySteeply: more than a tenth of current demand a minute) can
 *   double demand in ten minutes and stop at any height: a time only when it does not hinge on
 *   how long the rise lasts, that is when the recoveries with the rise going on for each of
 *   WHILE_RISING_SECONDS (up to ten minutes) and with none all lie within the scoring tolerance
 *   of a time between them (max(2 min, 25% of the wait)): that time; else "not known yet". A
 *   fleet that catches up within its standby start whatever the height is such a case; a cold
 *   fleet chasing a ramp is not.
 * - otherwise the second run lets the unexplained rise go on for RISE_SECONDS, and the point
 *   estimate is the later end of the range. A rise steeper than the forecast's trend is most
 *   often the start of a wave that goes on for minutes: carried on for two minutes only, the
 *   first estimate of a reshaped Feb 3's 09:00 wave came about half the wait too early (4
 *   minutes promised, 9 waited);
 * - when that run recovers no later than the forecast's own (the recovery hinges on when a
 *   level is reached, not on how much demand there is), a third run lets the rise go on for
 *   SUSTAINED_SECONDS: if both recoveries lie within the scoring tolerance of a time between
 *   them, that time; else "not known yet".
 * A "not known yet" during a rise says so (askAgain): the incident asks again a minute later,
 * and keeps saying it while demand still climbs very steeply (steepRise; notices/incident.ts).
 * A person told "about 10:05" who is served at 10:03 is better off than one told 09:58 and
 * still waiting at 10:03; one told "not known yet, next update 10:00" can plan.
 */
import type { Plan, PolicyName, ServicePlan } from '../plan/types.js';
import { advanceAndServe, detectStage, scaleStage, type TickContext } from './stages.js';
import type { ServiceState } from './step.js';
import { risingVerySteeply } from './steep-rise.js';
import type { RecoveryForecast } from './types.js';

export const STABLE_MS = 10 * 60_000;
export const LOOKAHEAD_MS = 30 * 60_000;
export const HORIZON_MS = 3 * 3_600_000;
const HIGH_DEMAND = 1.15;
/** how long the runs behind a very steep rise's estimate let it go on */
const WHILE_RISING_SECONDS: readonly number[] = [120, 300, 600];
/** how long the second run lets an unexplained rise go on */
const RISE_SECONDS = 300;
/** how long the third run lets an unexplained rise go on */
const SUSTAINED_SECONDS = 600;

/**
 * How far a promised recovery may be from the actual one and still be on target: max(2 min,
 * 25% of the wait). The promise record scores by it (drill/promise-record.ts), and a time
 * is only worth giving while rising() could be on target by it.
 */
export function promiseToleranceMs(waitMs: number): number {
  return Math.max(120_000, 0.25 * waitMs);
}

/** The simulated tick `elapsedMs` into the run: the plan's own tick first, then 1 and 2 minutes. */
function stepAfter(tickMs: number, elapsedMs: number): number {
  if (elapsedMs < 30 * 60_000) return tickMs;
  return Math.max(tickMs, elapsedMs < 60 * 60_000 ? 60_000 : 120_000);
}

interface Run {
  firstCalm: number | null;
  recovered: number | null;
}

function runForward(
  plan: Plan,
  svc: ServicePlan,
  policy: PolicyName,
  start: ServiceState,
  demand: (at: number) => number,
  factor: number,
): Run {
  const tickMs = plan.tickSeconds * 1000;
  const t = start.lastT;
  let state = start;
  let firstCalm: number | null = null;
  let calmSince: number | null = null;
  for (let at = t + tickMs; at <= t + HORIZON_MS; at += stepAfter(tickMs, at - t)) {
    const demandRps = demand(at) * factor;
    const ctx: TickContext = { plan, svc, policy, prev: state, t: at, demandRps };
    const served = advanceAndServe(ctx, state.fleet);
    const r = served.result;
    const detected = detectStage(ctx, { rps: demandRps }, r);
    const scaled = scaleStage(ctx, served.state, detected.level, r);
    state = { detect: detected.state, scale: scaled.state, fleet: scaled.fleet, incident: state.incident, level: detected.level, lastT: at };
    const affected = r.latencyMs > svc.capacity.sloLatencyMs || r.throttledRps + r.droppedRps > 0;
    if (affected) {
      calmSince = null;
      continue;
    }
    firstCalm ??= at;
    calmSince ??= at;
    if (at >= Math.max(calmSince + STABLE_MS, t + LOOKAHEAD_MS)) return { firstCalm, recovered: calmSince };
  }
  return { firstCalm, recovered: null };
}

/** The point estimate and the latest end of the range while demand rises steeply beyond the forecast. */
function rising(
  plan: Plan,
  svc: ServicePlan,
  policy: PolicyName,
  start: ServiceState,
  demand: (at: number) => number,
  unexplainedRps: number,
  base: number,
): { at: number | null; latest: number | null } {
  const now = start.lastT;
  const risingFor =
    (seconds: number) =>
    (at: number): number =>
      demand(at) + unexplainedRps * Math.min((at - now) / 1000, seconds);
  const recoveredRising = (seconds: number): number | null => runForward(plan, svc, policy, start, risingFor(seconds), 1).recovered;
  if (risingVerySteeply(unexplainedRps, Math.max(demand(now), 1))) {
    let late = base;
    let early = base;
    for (const seconds of WHILE_RISING_SECONDS) {
      const recovered = recoveredRising(seconds);
      if (recovered === null) return { at: null, latest: null };
      late = Math.max(late, recovered);
      early = Math.min(early, recovered);
    }
    return { at: agreedTime(now, early, late), latest: late };
  }
  const high = recoveredRising(RISE_SECONDS);
  if (high === null) return { at: null, latest: null };
  if (high > base) return { at: high, latest: high };
  const sustained = recoveredRising(SUSTAINED_SECONDS);
  if (sustained === null) return { at: null, latest: null };
  const late = Math.max(sustained, base);
  return { at: agreedTime(now, base, late), latest: late };
}

/** The time between two recoveries when both lie within the scoring tolerance of it, else null. */
function agreedTime(now: number, early: number, late: number): number | null {
  // a whole second, as every other estimate is
  const mid = Math.ceil((early + late) / 2000) * 1000;
  const tolerance = promiseToleranceMs(mid - now);
  return late - mid <= tolerance && mid - early <= tolerance ? mid : null;
}

/**
 * `start` is the service's state at the end of the current tick (its lastT is now);
 * `unexplainedRps`: the rise (rps per second) the forecast does not explain, 0 when it does;
 * `outpacingRps`: how much faster than the forecast demand climbs while it climbs very steeply,
 * explained or not (steep-rise.ts). Where the forecast sees users fine from the next tick on, it
 * is weighed as unexplained: there a trend lagging the wave is all that makes the fleet look
 * ahead of it (a standby batch coming online), and the time would be the next tick while the
 * wave outgrows the fleet within minutes (ramps climbing 11% a minute: "recovery 09:05:45"
 * published at 09:05:30, users held up until 09:17). Weighed on every very steep rise, it made
 * Feb 3 reshaped's times come later than users were back (on target 86% -> 78%).
 */
export function forecastRecovery(
  plan: Plan,
  svc: ServicePlan,
  policy: PolicyName,
  start: ServiceState,
  demand: (at: number) => number,
  unexplainedRps = 0,
  outpacingRps = 0,
): RecoveryForecast {
  const base = runForward(plan, svc, policy, start, demand, 1);
  const firstTick = start.lastT + plan.tickSeconds * 1000;
  const unexplained = unexplainedRps === 0 && base.recovered === firstTick ? outpacingRps : unexplainedRps;
  // a steep rise the forecast does not explain can outgrow a fleet that the forecast sees catching up
  const calmAhead = base.recovered === firstTick && unexplained === 0;
  if (base.recovered === null) return { at: null, earliest: null, latest: null, calmAhead };
  const earliest = Math.min(base.firstCalm ?? base.recovered, base.recovered);
  if (calmAhead) return { at: base.recovered, earliest, latest: base.recovered, calmAhead };
  if (unexplained > 0) {
    const steep = rising(plan, svc, policy, start, demand, unexplained, base.recovered);
    return steep.at === null ? { at: null, earliest, latest: steep.latest, calmAhead, askAgain: true } : { at: steep.at, earliest, latest: steep.latest, calmAhead };
  }
  const high = runForward(plan, svc, policy, start, demand, HIGH_DEMAND).recovered;
  return { at: base.recovered, earliest, latest: high === null ? null : Math.max(high, base.recovered), calmAhead };
}
