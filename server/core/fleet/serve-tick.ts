import type { CoreEvent } from '../engine/types.js';
import type { ServicePlan } from '../plan/types.js';
import { fleetWith, serverCeilingRps, supplyServers } from './fleet-state.js';
import { expectedLatencyMs } from './queueing.js';
import { flowThroughTick } from './request-flow.js';
import type { FleetState, ServeInput, ServeResult } from './types.js';

/**
 * Utilisation is reported up to this multiple of capacity: past it the number says nothing
 * more, and a finite value keeps a fleet with no capacity JSON-serialisable.
 */
export const MAX_UTILIZATION = 100;

/** Requests below this rate count as none, so float dust never starts throttling or dropping. */
const NEGLIGIBLE_RPS = 1e-9;

/** servers needed for `demandRps` at the plan's target utilisation */
const demandServersFor = (svc: ServicePlan, demandRps: number): number =>
  Math.max(0, Math.ceil(demandRps / svc.capacity.rpsPerServer - 1e-9));

function admitRpsFor(svc: ServicePlan, input: ServeInput, capacityRps: number): number {
  const { enabled, levels, admitFraction } = svc.throttle;
  const applies = enabled && input.throttleAllowed && (levels.length > 0 || input.demandRps > capacityRps);
  return applies ? admitFraction * capacityRps : Number.POSITIVE_INFINITY;
}

const NO_EVENTS: readonly CoreEvent[] = [];

const perSecond = (n: number, dtSeconds: number): number => (dtSeconds > 0 ? n / dtSeconds : 0);

function transitionEvents(state: FleetState, next: FleetState, demandRps: number, r: ServeResult): readonly CoreEvent[] {
  const { throttling, dropping } = next;
  // nearly every tick neither starts nor stops: build nothing for it
  if (throttling === state.throttling && dropping === state.dropping) return NO_EVENTS;
  const events: CoreEvent[] = [];
  const data = { demandRps, capacityRps: r.capacityRps, throttledRps: r.throttledRps, droppedRps: r.droppedRps };
  if (throttling !== state.throttling) {
    events.push(throttling
      ? { type: 'throttle:started', message: `Throttling began: ${Math.round(r.throttledRps)} requests/s refused with 429.`, data }
      : { type: 'throttle:stopped', message: 'Throttling ended: every request is admitted again.', data });
  }
  if (dropping !== state.dropping) {
    events.push(dropping
      ? { type: 'drop:started', message: `The queue is full: ${Math.round(r.droppedRps)} requests/s dropped with 503.`, data }
      : { type: 'drop:stopped', message: 'Requests are no longer dropped: the queue has room again.', data });
  }
  return events;
}

/**
 * Serves one tick of demand with the servers able to serve now (call advanceFleet first):
 * throttles, queues, drops and estimates latency as queueing.ts describes, and reports
 * throttling and dropping only when they start or stop.
 */
export function serveTick(
  svc: ServicePlan,
  state: FleetState,
  input: ServeInput,
  t: number,
): { state: FleetState; result: ServeResult; events: readonly CoreEvent[] } {
  const supply = supplyServers(svc, state);
  const capacityRps = supply * serverCeilingRps(svc);
  const flow = flowThroughTick({
    demandRps: input.demandRps,
    capacityRps,
    admitRps: admitRpsFor(svc, input, capacityRps),
    backlog: state.backlog,
    queueLimit: svc.throttle.queueLimitSeconds * capacityRps,
    dtSeconds: input.dtSeconds,
  });
  const dt = input.dtSeconds;
  const demandRps = Math.max(0, input.demandRps);
  const result: ServeResult = {
    capacityRps,
    servedRps: perSecond(flow.served, dt),
    throttledRps: perSecond(flow.throttled, dt),
    droppedRps: perSecond(flow.dropped, dt),
    backlog: flow.backlog,
    latencyMs: expectedLatencyMs(svc, supply, capacityRps, flow.admittedRps, flow.backlog),
    utilization: demandRps === 0 ? 0 : capacityRps > 0 ? Math.min(MAX_UTILIZATION, demandRps / capacityRps) : MAX_UTILIZATION,
    supplyServers: supply,
    demandServers: demandServersFor(svc, demandRps),
  };
  const next = fleetWith(
    state,
    Math.max(state.t, t),
    flow.backlog,
    result.throttledRps > NEGLIGIBLE_RPS,
    result.droppedRps > NEGLIGIBLE_RPS,
  );
  return { state: next, result, events: transitionEvents(state, next, demandRps, result) };
}
