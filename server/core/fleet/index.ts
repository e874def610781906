/** The simulated fleet: standby pool, provisioning, warm-up, capacity, queue and latency model. */
export type { FleetState, ServeInput, ServeResult } from './types.js';
export { initialFleetState, fleetView, serversByState } from './fleet-state.js';
export { setDesired } from './scale-fleet.js';
export { advanceFleet, settleIsDue } from './advance-fleet.js';
export { serveTick, MAX_UTILIZATION } from './serve-tick.js';
export { erlangB, erlangC } from './erlang.js';
export { mmcWaitMs } from './queueing.js';
