import type { ScaleAction, ServicePlan } from '../plan/types.js';
import { clampServers, committedServers, round } from './fleet-math.js';
import { isCooling, type PolicyOutcome } from './policy.js';
import { applyScaleIn } from './scale-in.js';
import type { ScaleInput, ScaleState } from './types.js';
import { scaleStateWith } from './scale-state.js';

interface ActionCount {
  servers: number;
  text: string;
}

/** Percentages round up, so a percent rule on a small fleet still adds a server. */
function countAction(a: ScaleAction, svc: ServicePlan, input: ScaleInput, current: number): ActionCount {
  if (a.kind === 'activate-standby') {
    const pool = svc.standby.poolSize;
    const wanted = a.count ?? Math.ceil(((a.percent ?? 0) / 100) * pool);
    const servers = Math.min(wanted, input.fleet.standbyAvailable);
    const of = a.count === null ? ` (${a.percent}% of the pool of ${pool})` : '';
    const short = servers < wanted ? `, ${input.fleet.standbyAvailable} left` : '';
    return { servers, text: `activate ${servers} standby${of}${short}` };
  }
  const servers = a.count ?? Math.ceil(((a.percent ?? 0) / 100) * current);
  return { servers, text: `add ${servers}${a.count === null ? ` (${a.percent}% of ${current})` : ''}` };
}

/**
 * Step policy. At a level above normal: the level's stepRules run once when the level rises
 * above the most severe level already acted on (a rise during a cooldown runs when the
 * cooldown ends), and run again after each cooldown while demand still exceeds what the
 * committed servers serve at target utilisation. Otherwise, at normal and at levels below
 * the one that opens an incident (notices.openAtLevel): shared scale-in towards the servers
 * the demand needs at target utilisation; a day that stays busier than the learned normal
 * must not keep a surge-sized fleet. At incident levels the current size is recommended, so
 * scale-in also waits out the stabilisation window after the surge. Nothing is decided, in
 * or out, until the cooldown after a scale-out has elapsed.
 */
export function stepPolicy(svc: ServicePlan, state: ScaleState, input: ScaleInput): PolicyOutcome {
  const current = committedServers(input.fleet);
  const rank = input.levels.indexOf(input.level);
  const cooling = isCooling(state, input.t, svc.scale.cooldownSeconds);
  const entering = rank > 0 && rank > input.levels.indexOf(state.appliedLevel);
  const atTargetRps = current * svc.capacity.rpsPerServer;
  const scalingOut = rank > 0 && !cooling && (entering || input.demandRps > atTargetRps);
  if (!scalingOut && (rank <= 0 || rank < input.levels.indexOf(svc.notices.openAtLevel))) {
    const needed = clampServers(Math.ceil(input.demandRps / svc.capacity.rpsPerServer), svc.capacity);
    const scaleIn = applyScaleIn(svc, state.scaleIn, input.t, current, needed, input.demandRps);
    const appliedLevel = rank <= 0 ? 'normal' : state.appliedLevel;
    return { state: scaleStateWith(state, { appliedLevel, scaleIn: scaleIn.history }), change: cooling ? null : scaleIn.change };
  }
  const held = scaleStateWith(state, { scaleIn: applyScaleIn(svc, state.scaleIn, input.t, current, current, input.demandRps).history });
  if (!scalingOut) return { state: held, change: null };
  const actions = (svc.scale.stepRules[input.level] ?? []).map((a) => countAction(a, svc, input, current));
  const wanted = current + actions.reduce((s, a) => s + a.servers, 0);
  const desired = clampServers(wanted, svc.capacity);
  const next = scaleStateWith(held, { appliedLevel: entering ? input.level : state.appliedLevel });
  if (desired <= current) return { state: next, change: null };
  const reason = desired < wanted ? 'TooManyServers' : entering ? 'LevelEntered' : 'StepRuleRepeated';
  const what = actions.map((a) => a.text).join(' and ');
  const why = entering
    ? `Level ${input.level} entered`
    : `Level ${input.level} still holds and demand ${round(input.demandRps)} rps exceeds the ${round(atTargetRps)} rps ${current} servers serve at target`;
  const cap = reason === 'TooManyServers' ? ` (capped at maxServers ${svc.capacity.maxServers})` : '';
  return {
    state: scaleStateWith(next, { lastScaleOutAt: input.t }),
    change: { desired, reason, message: `${why}: ${what}: ${current} → ${desired} servers${cap}.` },
  };
}
