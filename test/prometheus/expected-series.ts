/**
 * The series a drill's latest ticks should produce, computed straight from the ticks, so
 * a test compares what /metrics (or Prometheus) shows against what the engine produced.
 */
import type { Tick } from '../../server/core/engine/types.js';

export interface ExpectedSeries {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function expectedSeries(ticks: readonly Tick[], kind: 'drill' | 'live', levels: readonly string[]): ExpectedSeries[] {
  return ticks.flatMap((t) => {
    const at = { service: t.service, kind };
    const out: ExpectedSeries[] = [
      { name: 'flashcrowd_drill_demand_rps', labels: at, value: t.demandRps },
      { name: 'flashcrowd_drill_capacity_rps', labels: at, value: t.capacityRps },
      { name: 'flashcrowd_drill_served_rps', labels: at, value: t.servedRps },
      { name: 'flashcrowd_drill_throttled_rps', labels: at, value: t.throttledRps },
      { name: 'flashcrowd_drill_dropped_rps', labels: at, value: t.droppedRps },
      { name: 'flashcrowd_drill_backlog_requests', labels: at, value: t.backlog },
      { name: 'flashcrowd_drill_latency_seconds', labels: at, value: t.latencyMs / 1000 },
      { name: 'flashcrowd_drill_level_rank', labels: at, value: levels.indexOf(t.level) },
      ...Object.entries(t.servers).map(([state, n]) => ({ name: 'flashcrowd_drill_servers', labels: { ...at, state }, value: n })),
      ...levels.map((level) => ({ name: 'flashcrowd_drill_level', labels: { ...at, level }, value: level === t.level ? 1 : 0 })),
    ];
    if (t.expectedRecoveryAt !== null) {
      out.push({ name: 'flashcrowd_drill_expected_recovery_seconds', labels: at, value: Math.max(0, (Date.parse(t.expectedRecoveryAt) - Date.parse(t.t)) / 1000) });
    }
    return out;
  });
}
