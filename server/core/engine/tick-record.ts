/** A service's tick as the replay and the live feed report it, from what the tick's stages found. */
import type { ServeResult } from '../fleet/index.js';
import type { PolicyName } from '../plan/types.js';
import { isoTime } from './iso-time.js';
import type { ServersByState, Tick } from './types.js';

export interface TickParts {
  service: string;
  policy: PolicyName;
  demandRps: number;
  served: ServeResult;
  /** the level in force after detection, and the baseline it was judged against */
  detected: { level: string; baselineRps: number };
  servers: ServersByState;
  /** the latest notice's promise, and only while an incident is open */
  recoveryAt: number | null;
  /** the tick's time as RFC 3339 */
  iso: string;
}

/*
 * The last promise written out. An open incident's ticks carry the same promise for minutes
 * on end: written once, and one string shared by those ticks rather than one each for the
 * collector to copy. A cache of a pure function: every answer is the same with or without it.
 */
const lastPromise = { ms: Number.NaN, iso: '' };

function promiseIso(ms: number): string {
  if (ms !== lastPromise.ms) {
    lastPromise.iso = isoTime(ms);
    lastPromise.ms = ms;
  }
  return lastPromise.iso;
}

export function tickRecord(p: TickParts): Tick {
  const r = p.served;
  return {
    service: p.service,
    policy: p.policy,
    demandRps: p.demandRps,
    capacityRps: r.capacityRps,
    servedRps: r.servedRps,
    throttledRps: r.throttledRps,
    droppedRps: r.droppedRps,
    backlog: r.backlog,
    latencyMs: r.latencyMs,
    utilization: r.utilization,
    level: p.detected.level,
    baselineRps: p.detected.baselineRps,
    demandServers: r.demandServers,
    supplyServers: r.supplyServers,
    servers: p.servers,
    expectedRecoveryAt: p.recoveryAt === null ? null : promiseIso(p.recoveryAt),
    t: p.iso,
  };
}
