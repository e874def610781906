import type { Tick } from '../core/engine/types.js';

export type TrafficVerdict =
  | { kind: 'served'; delayMs: number }
  | { kind: 'throttled' }
  | { kind: 'dropped' };

/**
 * What one request gets, from the latest tick: it is throttled with the probability of the
 * throttled share of demand, dropped with the dropped share, else served after the tick's
 * latency. `draw` is uniform in [0, 1).
 */
export function trafficVerdict(tick: Tick | null, draw: number): TrafficVerdict {
  if (!tick || tick.demandRps <= 0) return { kind: 'served', delayMs: tick?.latencyMs ?? 0 };
  const throttledShare = tick.throttledRps / tick.demandRps;
  const droppedShare = tick.droppedRps / tick.demandRps;
  if (draw < throttledShare) return { kind: 'throttled' };
  if (draw < throttledShare + droppedShare) return { kind: 'dropped' };
  return { kind: 'served', delayMs: tick.latencyMs };
}
