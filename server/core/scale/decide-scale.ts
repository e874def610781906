import type { CoreEvent, ScaleDecision } from '../engine/types.js';
import type { PolicyName, ServicePlan } from '../plan/types.js';
import { committedServers } from './fleet-math.js';
import type { PolicyOutcome } from './policy.js';
import type { PolicyChange } from './scale-in.js';
import { predictivePolicy } from './predictive-policy.js';
import { stepPolicy } from './step-policy.js';
import { targetTrackingPolicy } from './target-tracking-policy.js';
import type { ScaleInput, ScaleState } from './types.js';

/**
 * The initial size counts as a recommendation made at t0, so no policy scales in below the
 * plan's initialServers during the first stabilisation window of a drill.
 */
export function initialScaleState(svc: ServicePlan, t0: number): ScaleState {
  return {
    t0,
    lastScaleOutAt: null,
    appliedLevel: 'normal',
    hpa: { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] },
    scaleIn: { recommendations: [{ t: t0, replicas: svc.capacity.initialServers }], removals: [], demand: [] },
    demand: [],
  };
}

/** A fleet outside [minServers, maxServers] (after a manual scale, say) goes straight to the bound. */
function withinBounds(svc: ServicePlan, current: number, change: PolicyChange | null): PolicyChange | null {
  const { minServers, maxServers } = svc.capacity;
  if (current > maxServers && (change === null || change.desired > maxServers)) {
    return { desired: maxServers, reason: 'TooManyServers', message: `${current} committed servers exceed maxServers ${maxServers}: ${current} → ${maxServers} servers.` };
  }
  if (current < minServers && (change === null || change.desired < minServers)) {
    return { desired: minServers, reason: 'TooFewServers', message: `${current} committed servers are below minServers ${minServers}: ${current} → ${minServers} servers.` };
  }
  return change;
}

function runPolicy(svc: ServicePlan, policy: Exclude<PolicyName, 'none'>, state: ScaleState, input: ScaleInput): PolicyOutcome {
  switch (policy) {
    case 'step':
      return stepPolicy(svc, state, input);
    case 'target-tracking':
      return targetTrackingPolicy(svc, state, input);
    case 'predictive':
      return predictivePolicy(svc, state, input);
  }
}

/**
 * One tick of a scaling policy. `desired` is the total of committed servers (active +
 * starting + provisioning) to head for, within [minServers, maxServers]; the fleet picks
 * standby before cold servers and honours the quota. Null when the size stays; every
 * decision comes with one scale:decision event carrying its reason and message.
 */
export function decideScale(
  svc: ServicePlan,
  policy: PolicyName,
  state: ScaleState,
  input: ScaleInput,
): { state: ScaleState; decision: ScaleDecision | null; events: CoreEvent[] } {
  if (policy === 'none') return { state, decision: null, events: [] };
  const out = runPolicy(svc, policy, state, input);
  const current = committedServers(input.fleet);
  const change = withinBounds(svc, current, out.change);
  if (change === null || change.desired === current) return { state: out.state, decision: null, events: [] };
  const decision: ScaleDecision = { desired: change.desired, current, reason: change.reason, message: change.message };
  const event: CoreEvent = {
    type: 'scale:decision',
    message: decision.message,
    reason: decision.reason,
    data: { policy, level: input.level, desired: decision.desired, current },
  };
  return { state: out.state, decision, events: [event] };
}
