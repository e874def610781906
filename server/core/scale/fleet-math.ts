import type { FleetView } from '../engine/types.js';
import type { CapacityConfig } from '../plan/types.js';

/** Servers the fleet has committed to: serving, starting or provisioning (not draining). */
export function committedServers(fleet: FleetView): number {
  return fleet.active + fleet.starting + fleet.provisioning;
}

export function clampServers(n: number, capacity: CapacityConfig): number {
  return Math.min(capacity.maxServers, Math.max(capacity.minServers, n));
}

export function round(v: number): number {
  return Math.round(v * 100) / 100;
}
