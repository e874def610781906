/** What a finished drill came to, from what the dashboard holds of it: pure, for the finished banner. */
import type { DrillDto, EngineEvent, Notice, ServiceInfo, Tick } from '../api/api-types.js';

export interface ServicePeak {
  name: string;
  displayName: string;
  peakDemandRps: number;
  maxServers: number;
}

export interface DrillSummary {
  drill: DrillDto;
  from: string;
  to: string;
  incidentsOpened: number;
  incidentsResolved: number;
  triggersFired: number;
  peaks: ServicePeak[];
}

function servingServers(tick: Tick): number {
  return tick.servers.active + tick.servers.starting;
}

export function drillSummary(
  drill: DrillDto,
  services: readonly ServiceInfo[],
  ticks: Readonly<Record<string, readonly Tick[] | undefined>>,
  events: readonly EngineEvent[],
  notices: readonly Notice[],
): DrillSummary {
  const opened = new Set<string>();
  const resolved = new Set<string>();
  for (const n of notices) {
    opened.add(n.incidentId);
    if (n.stage === 'resolved') resolved.add(n.incidentId);
  }
  const peaks = services.map((s) => {
    const list = ticks[s.name] ?? [];
    return {
      name: s.name,
      displayName: s.displayName,
      peakDemandRps: list.reduce((m, tick) => Math.max(m, tick.demandRps), 0),
      maxServers: list.reduce((m, tick) => Math.max(m, servingServers(tick)), 0),
    };
  });
  return {
    drill,
    from: drill.scenarioStart,
    to: drill.scenarioNow,
    incidentsOpened: opened.size,
    incidentsResolved: resolved.size,
    triggersFired: events.filter((e) => e.type === 'trigger:firing').length,
    peaks,
  };
}
