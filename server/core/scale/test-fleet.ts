/**
 * A toy fleet for policy tests (not used by production code): a decision takes effect at
 * once (every committed server serves), standby is used before cold servers.
 */
import type { FleetView, ScaleDecision } from '../engine/types.js';
import type { PolicyName, ServicePlan } from '../plan/types.js';
import { TEST_LEVELS } from '../detect/test-plan.js';
import { decideScale, initialScaleState } from './decide-scale.js';
import type { ScaleState } from './types.js';

export interface SimTick {
  /** seconds */
  t: number;
  level: string;
  demand: number;
}

export interface SimRow {
  t: number;
  servers: number;
  decision: ScaleDecision | null;
  state: ScaleState;
}

export function simulate(svc: ServicePlan, policy: PolicyName, ticks: SimTick[]): SimRow[] {
  let state = initialScaleState(svc, 0);
  let fleet: FleetView = {
    active: svc.capacity.initialServers,
    starting: 0,
    provisioning: 0,
    standbyAvailable: svc.standby.poolSize,
    draining: 0,
    coldQuotaLeft: svc.cold.quotaPerMinute,
  };
  let previousLevel = 'normal';
  const hardCapacity = svc.capacity.rpsPerServer / svc.capacity.targetUtilization;
  return ticks.map(({ t, level, demand }) => {
    const out = decideScale(svc, policy, state, {
      t: t * 1000,
      level,
      previousLevel,
      levels: TEST_LEVELS,
      demandRps: demand,
      utilization: demand / (fleet.active * hardCapacity),
      fleet,
      leadTimeSeconds: 60,
    });
    state = out.state;
    previousLevel = level;
    if (out.decision) {
      const added = out.decision.desired - fleet.active;
      fleet = { ...fleet, active: out.decision.desired, standbyAvailable: Math.max(0, fleet.standbyAvailable - Math.max(0, added)) };
    }
    return { t, servers: fleet.active, decision: out.decision, state };
  });
}
