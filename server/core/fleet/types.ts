/**
 * The simulated fleet of one service, as plain serialisable data (JSON.stringify round-trips).
 *
 * Servers are kept as small cohorts rather than one record per server, so a fleet of
 * thousands costs a handful of entries. Times are epoch milliseconds.
 */

/** Where a server came from decides where it goes when it is drained. */
export type ServerOrigin = 'base' | 'standby' | 'cold';

export interface ActiveCohort {
  origin: ServerOrigin;
  count: number;
}

/** Servers waiting for a moment: the end of their start period, or of their drain. */
export interface TimedCohort {
  origin: ServerOrigin;
  count: number;
  until: number;
}

/** Cold servers being provisioned; they begin starting at `until`. */
export interface ProvisioningCohort {
  count: number;
  until: number;
}

/** Cold servers that began provisioning at `at`; each holds a quota slot for one minute. */
export interface ColdStart {
  at: number;
  count: number;
}

export interface FleetState {
  /** the time this state describes */
  t: number;
  /** stopped standby servers in the pool */
  standby: number;
  /** cold servers wanted but held back by the per-minute quota */
  coldQueued: number;
  /** ordered by `until`, earliest first */
  provisioning: ProvisioningCohort[];
  /** ordered by `until`, earliest first; scale-in cancels from the end */
  starting: TimedCohort[];
  /** oldest first; scale-in drains from the end (newest first) */
  active: ActiveCohort[];
  draining: TimedCohort[];
  /** cold starts of the last minute, oldest first */
  coldStarts: ColdStart[];
  /** requests queued, waiting for capacity */
  backlog: number;
  throttling: boolean;
  dropping: boolean;
}

export interface ServeInput {
  demandRps: number;
  dtSeconds: number;
  /** the plan allows throttling at the current level (true for every level when throttle.levels is empty) */
  throttleAllowed: boolean;
}

export interface ServeResult {
  /** hard capacity of the servers able to serve now: supplyServers * rpsPerServer / targetUtilization */
  capacityRps: number;
  servedRps: number;
  throttledRps: number;
  droppedRps: number;
  /** requests queued at the end of the tick */
  backlog: number;
  /** expected user delay for a request arriving now: service time + queueing wait + backlog wait */
  latencyMs: number;
  /** demand / capacity (can exceed 1; capped at MAX_UTILIZATION) */
  utilization: number;
  /** server-equivalents able to serve now: active + startingCapacityFraction * starting */
  supplyServers: number;
  /** ceil(demandRps / rpsPerServer): servers needed at the plan's target utilisation */
  demandServers: number;
}
