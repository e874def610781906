/** A complete Tick for tests, healthy by default; tests state only the fields they are about. */
import type { Tick } from './types.js';

export function sampleTick(over: Partial<Tick> = {}): Tick {
  return {
    t: '2020-02-03T01:00:00.000Z',
    service: 'messaging',
    policy: 'step',
    demandRps: 100,
    capacityRps: 150,
    servedRps: 100,
    throttledRps: 0,
    droppedRps: 0,
    backlog: 0,
    latencyMs: 80,
    utilization: 0.66,
    level: 'normal',
    baselineRps: 90,
    demandServers: 4,
    supplyServers: 6,
    servers: { standby: 10, provisioning: 0, starting: 0, active: 6, draining: 0 },
    expectedRecoveryAt: null,
    ...over,
  };
}
