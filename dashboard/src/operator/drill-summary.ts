/** What a finished drill came to, from what the dashboard holds of it: pure, for the finished banner. */
import type { DrillDto, EngineEvent, Notice, PromiseRecord, ServiceInfo, Tick } from '../api/api-types.js';

export interface ServicePeak {
  name: string;
  displayName: string;
  peakDemandRps: number;
  maxServers: number;
}

/** How the drill's recovery promises held for one service (the report's promise record). */
export interface ServicePromises extends PromiseRecord {
  name: string;
  displayName: string;
}

/** What the record shows while the report is read, when it could not be, and when it is in. */
export type PromisesState = { kind: 'loading' } | { kind: 'unavailable' } | { kind: 'ready'; services: readonly ServicePromises[] };

export interface DrillSummary {
  drill: DrillDto;
  from: string;
  to: string;
  incidentsOpened: number;
  incidentsResolved: number;
  triggersFired: number;
  peaks: ServicePeak[];
  /** the promise record from the drill's report, once read */
  promises: PromisesState;
}

/** The report's promise record in the plan's service order, under the names the page shows. */
function servicePromises(services: readonly ServiceInfo[], record: Readonly<Record<string, PromiseRecord>>): ServicePromises[] {
  return services.flatMap((s) => {
    const p = record[s.name];
    return p ? [{ ...p, name: s.name, displayName: s.displayName }] : [];
  });
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
  promises: Readonly<Record<string, PromiseRecord>> | 'loading' | 'unavailable' = 'loading',
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
    promises: typeof promises === 'string' ? { kind: promises } : { kind: 'ready', services: servicePromises(services, promises) },
  };
}
