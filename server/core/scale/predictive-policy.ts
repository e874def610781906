import { linearRegression } from 'simple-statistics';
import { windowShift } from '../window-shift.js';
import type { ServicePlan } from '../plan/types.js';
import { clampServers, committedServers, round } from './fleet-math.js';
import { isCooling, type PolicyOutcome } from './policy.js';
import { applyScaleIn } from './scale-in.js';
import type { ScaleInput, ScaleState } from './types.js';
import { scaleStateWith } from './scale-state.js';

/** Demand points [ms since t0, rps] inside (t - window, t], this tick's included. */
function addDemandPoint(points: ReadonlyArray<[number, number]>, x: number, rps: number, windowMs: number): Array<[number, number]> {
  let expired = 0;
  while (expired < points.length && (points[expired] as [number, number])[0] <= x - windowMs) expired += 1;
  return windowShift(points, expired, [x, rps]);
}

/** The least-squares line through the window, read at `x`; the latest demand with fewer than two points. */
function extrapolate(points: ReadonlyArray<[number, number]>, x: number, latest: number): number {
  if (points.length < 2) return latest;
  const { m, b } = linearRegression(points as Array<[number, number]>);
  const v = m * x + b;
  return Number.isFinite(v) ? v : latest;
}

/**
 * Predictive: demand one horizon ahead (predictive.horizonSeconds, or the lead time) from a
 * linear fit over predictive.windowSeconds, never below current demand, sized at
 * predictive.targetUtilization of each server's hard capacity. Scale-outs respect the
 * cooldown; scale-in follows the shared rules.
 */
export function predictivePolicy(svc: ServicePlan, state: ScaleState, input: ScaleInput): PolicyOutcome {
  const cfg = svc.scale.predictive;
  const x = input.t - state.t0;
  const demand = addDemandPoint(state.demand, x, input.demandRps, cfg.windowSeconds * 1000);
  const horizon = cfg.horizonSeconds ?? input.leadTimeSeconds;
  const forecast = Math.max(input.demandRps, extrapolate(demand, x + horizon * 1000, input.demandRps));
  const perServer = (svc.capacity.rpsPerServer / svc.capacity.targetUtilization) * cfg.targetUtilization;
  const needed = Math.ceil(forecast / perServer);
  const recommendation = clampServers(needed, svc.capacity);
  const current = committedServers(input.fleet);
  const scaleIn = applyScaleIn(svc, state.scaleIn, input.t, current, recommendation, input.demandRps);
  const next = scaleStateWith(state, { demand, scaleIn: scaleIn.history });
  if (recommendation <= current) return { state: next, change: scaleIn.change };
  if (isCooling(state, input.t, svc.scale.cooldownSeconds)) return { state: next, change: null };
  const reason = recommendation < needed ? 'TooManyServers' : 'ForecastDemand';
  const cap = reason === 'TooManyServers' ? ` (capped at maxServers ${svc.capacity.maxServers})` : '';
  const message =
    `Demand forecast ${round(forecast)} rps in ${horizon}s (now ${round(input.demandRps)} rps) needs ${needed} servers ` +
    `at ${round(cfg.targetUtilization * 100)}% utilisation: ${current} → ${recommendation} servers${cap}.`;
  return { state: scaleStateWith(next, { lastScaleOutAt: input.t }), change: { desired: recommendation, reason, message } };
}
