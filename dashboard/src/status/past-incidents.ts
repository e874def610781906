/**
 * Past incidents, Statuspage style: the last days, newest first, each day with the incidents
 * opened on it (or a line saying there were none). Days are calendar days in the page's zone,
 * counted back from the newest incident: a drill replays 2020, so "today" is the scenario's.
 */
import type { SpIncident } from '../../../server/status/statuspage-schemas.js';

export const HISTORY_DAYS = 7;

export interface PastIncident {
  id: string;
  name: string;
  impact: string;
  status: string;
  openedAt: string;
  resolvedAt: string | null;
  /** the newest update's text */
  body: string;
}

export interface HistoryDay {
  /** YYYY-MM-DD in the page's zone */
  day: string;
  incidents: PastIncident[];
}

function dayOf(iso: string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

function previousDay(day: string): string {
  const at = Date.parse(`${day}T12:00:00Z`) - 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}

export function historyDays(incidents: readonly SpIncident[], timeZone: string, days = HISTORY_DAYS): HistoryDay[] {
  const past = incidents
    .filter((i) => i.status === 'resolved')
    .map((i): PastIncident => ({
      id: i.id,
      name: i.name,
      impact: i.impact ?? 'none',
      status: i.status,
      openedAt: i.created_at,
      resolvedAt: i.resolved_at ?? null,
      body: i.incident_updates[0]?.body ?? '',
    }))
    .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt));
  const newest = past[0];
  if (newest === undefined) return [];
  const byDay = new Map<string, PastIncident[]>();
  for (const incident of past) {
    const day = dayOf(incident.openedAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), incident]);
  }
  const out: HistoryDay[] = [];
  let day = dayOf(newest.openedAt, timeZone);
  for (let i = 0; i < days; i++) {
    out.push({ day, incidents: byDay.get(day) ?? [] });
    day = previousDay(day);
  }
  return out;
}
