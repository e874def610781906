/**
 * What the end-to-end tests read from a drill: its events and notices through the API,
 * and the few facts asserted about them, as plain functions over that data.
 */
import type { EngineEvent, Notice } from '../../server/contracts.js';

export interface DrillApi {
  get: <T>(path: string) => Promise<T>;
}

export function drillApi(baseUrl: string, token: string): DrillApi {
  return {
    get: async <T>(path: string): Promise<T> => {
      const res = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return (await res.json()) as T;
    },
  };
}

const MINUTE_MS = 60_000;

/** Scenario minutes from `reference` to `iso` (negative when earlier). */
export const minutesAfter = (iso: string, reference: string): number => (Date.parse(iso) - Date.parse(reference)) / MINUTE_MS;

export function firstOf(events: readonly EngineEvent[], service: string, type: EngineEvent['type']): EngineEvent | undefined {
  return events.find((e) => e.service === service && e.type === type);
}

/** The services that took any of these kinds of event, sorted. */
export const servicesWith = (events: readonly EngineEvent[], type: EngineEvent['type']): string[] =>
  [...new Set(events.filter((e) => e.type === type).map((e) => e.service))].sort();

/** Index of the first event of `type` for `service` in the drill's own (time) order; Infinity when none. */
function firstIndex(events: readonly EngineEvent[], service: string, type: EngineEvent['type']): number {
  const i = events.findIndex((e) => e.service === service && e.type === type);
  return i === -1 ? Number.POSITIVE_INFINITY : i;
}

/** Services whose first cold server began provisioning before (or without) any standby activation. */
export function coldBeforeStandby(events: readonly EngineEvent[]): string[] {
  return servicesWith(events, 'servers:provisioning').filter(
    (service) => firstIndex(events, service, 'servers:activated') > firstIndex(events, service, 'servers:provisioning'),
  );
}

export interface QuotaBreach {
  service: string;
  t: string;
  begun: number;
  quotaPerMinute: number;
}

const numberIn = (e: EngineEvent, key: string): number => {
  const value = e.data?.[key];
  return typeof value === 'number' ? value : Number.NaN;
};

/** Rolling scenario minutes [t, t + 1 min) in which more cold servers began provisioning than the quota allows. */
export function coldQuotaBreaches(events: readonly EngineEvent[]): QuotaBreach[] {
  const provisioning = events.filter((e) => e.type === 'servers:provisioning');
  return provisioning.flatMap((start) => {
    const from = Date.parse(start.t);
    const begun = provisioning
      .filter((e) => e.service === start.service && Date.parse(e.t) >= from && Date.parse(e.t) < from + MINUTE_MS)
      .reduce((sum, e) => sum + numberIn(e, 'count'), 0);
    const quotaPerMinute = numberIn(start, 'quotaPerMinute');
    return begun <= quotaPerMinute ? [] : [{ service: start.service, t: start.t, begun, quotaPerMinute }];
  });
}

/** Incidents that told users the cause, the expected delay and the expected recovery, and were resolved afterwards. */
export function resolvedIncidentsWithFullNotice(notices: readonly Notice[]): string[] {
  const incidents = [...new Set(notices.map((n) => n.incidentId))];
  return incidents.filter((id) => {
    const own = notices.filter((n) => n.incidentId === id);
    const informative = own.find(
      (n) => n.stage !== 'resolved' && (n.cause.en ?? '').trim() !== '' && n.expectedDelayMs > 0 && n.expectedRecoveryAt !== null,
    );
    const resolved = own.find((n) => n.stage === 'resolved');
    return informative !== undefined && resolved !== undefined && Date.parse(resolved.t) >= Date.parse(informative.t);
  });
}
