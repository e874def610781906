/** One tick of the fluid request model described in queueing.ts: where every request went. */

export interface FlowInput {
  demandRps: number;
  capacityRps: number;
  /** demand above this rate is throttled; Infinity when throttling does not apply */
  admitRps: number;
  /** requests queued at the start of the tick */
  backlog: number;
  /** the backlog may hold at most this many requests */
  queueLimit: number;
  dtSeconds: number;
}

/** Request counts over the tick (not rates). */
export interface FlowOutcome {
  admittedRps: number;
  served: number;
  throttled: number;
  dropped: number;
  backlog: number;
}

/**
 * Throttling first (429 before the queue), then the servers take what they can of the old
 * backlog and the new arrivals, then the queue keeps what fits and the rest is dropped
 * (503). The four outcomes add up to demand * dt + backlog exactly.
 */
export function flowThroughTick(input: FlowInput): FlowOutcome {
  const dt = Math.max(0, input.dtSeconds);
  const demand = Math.max(0, input.demandRps);
  const capacity = Math.max(0, input.capacityRps);
  const admittedRps = Math.min(demand, Math.max(0, input.admitRps));
  const throttled = (demand - admittedRps) * dt;
  const waiting = Math.max(0, input.backlog) + admittedRps * dt;
  const served = Math.min(capacity * dt, waiting);
  const left = waiting - served;
  const backlog = Math.min(left, Math.max(0, input.queueLimit));
  return { admittedRps, served, throttled, dropped: left - backlog, backlog };
}
