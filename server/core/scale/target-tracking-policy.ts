import type { ServicePlan } from '../plan/types.js';
import { countReplicas, replicaMessage, type ReplicaCalculationInput } from './calculate-replicas.js';
import { committedServers } from './fleet-math.js';
import { recordScaleEvent } from './hpa-behavior.js';
import type { PolicyOutcome } from './policy.js';
import { applyScaleIn } from './scale-in.js';
import type { ScaleInput, ScaleState } from './types.js';
import { scaleStateWith } from './scale-state.js';

/**
 * Target tracking as a Kubernetes HPA evaluated every tick: serving servers are the ready
 * pods, starting and provisioning ones the unready pods; the metric is the utilisation of
 * the serving servers or the demand per serving server. A scale-down must also pass the
 * shared scale-in rules, and the HPA's scale-down event records what was actually decided.
 */
export function targetTrackingPolicy(svc: ServicePlan, state: ScaleState, input: ScaleInput): PolicyOutcome {
  const tt = svc.scale.targetTracking;
  const current = committedServers(input.fleet);
  const ready = input.fleet.active;
  const metric = tt.metric === 'utilization' ? input.utilization : ready > 0 ? input.demandRps / ready : 0;
  const hpaInput: ReplicaCalculationInput = {
    now: input.t,
    currentReplicas: current,
    readyPods: ready,
    currentMetric: metric,
    target: tt.target,
    tolerance: tt.tolerance,
    unreadyPods: input.fleet.starting + input.fleet.provisioning,
    missingPods: 0,
    minReplicas: svc.capacity.minServers,
    maxReplicas: svc.capacity.maxServers,
    behavior: tt.behavior,
    recommendations: state.hpa.recommendations,
    scaleUpEvents: state.hpa.scaleUpEvents,
    scaleDownEvents: state.hpa.scaleDownEvents,
  };
  const r = countReplicas(hpaInput);
  const scaleIn = applyScaleIn(svc, state.scaleIn, input.t, current, r.desired, input.demandRps);
  const hpa = { recommendations: r.recommendations, scaleUpEvents: r.scaleUpEvents, scaleDownEvents: r.scaleDownEvents };
  const next = scaleStateWith(state, { hpa, scaleIn: scaleIn.history });
  if (r.desired >= current) {
    return { state: next, change: r.desired > current ? { desired: r.desired, reason: r.reason, message: replicaMessage(hpaInput, r) } : null };
  }
  const decided = scaleIn.change?.desired ?? current;
  const events = recordScaleEvent(input.t, current, decided, tt.behavior, state.hpa.scaleUpEvents, state.hpa.scaleDownEvents);
  const withEvents = scaleStateWith(next, { hpa: { recommendations: hpa.recommendations, scaleUpEvents: events.scaleUpEvents, scaleDownEvents: events.scaleDownEvents } });
  if (scaleIn.change === null) return { state: withEvents, change: null };
  const change =
    decided === r.desired
      ? { desired: r.desired, reason: r.reason, message: replicaMessage(hpaInput, r) }
      : { ...scaleIn.change, message: `Target tracking recommends ${r.desired}; ${scaleIn.change.message}` };
  return { state: withEvents, change };
}
