/**
 * The status page's live state from the socket: the snapshot, then `notice:published` and
 * `drill:tick`. It keeps only what the page shows (the latest level per service and the
 * latest notice per incident), never tick history.
 */
import type { Language, Notice, PlanSummary, Snapshot, Tick } from '../../../server/contracts.js';
import { nothingToExpect } from '../shared/notice-stage.js';
import { byNewest, overallOf, type StatusView } from './status-view.js';

export interface StatusLive {
  plan: PlanSummary;
  levels: Record<string, string>;
  /** latest notice per incident id */
  incidents: Record<string, Notice>;
  updatedAt: string | null;
}

const laterOf = (a: string | null, b: string): string => (a === null || Date.parse(b) > Date.parse(a) ? b : a);

function keepLatest(incidents: Record<string, Notice>, notice: Notice): Record<string, Notice> {
  const current = incidents[notice.incidentId];
  if (current !== undefined && Date.parse(current.t) > Date.parse(notice.t)) return incidents;
  return { ...incidents, [notice.incidentId]: notice };
}

export function liveFromSnapshot(snapshot: Snapshot): StatusLive {
  const levels: Record<string, string> = {};
  for (const [service, ticks] of Object.entries(snapshot.history)) {
    const last = ticks[ticks.length - 1];
    if (last !== undefined) levels[service] = last.level;
  }
  const incidents = snapshot.notices.reduce(keepLatest, {} as Record<string, Notice>);
  // Scenario time, not wall time: notices and ticks carry scenario times, and the page compares them.
  return { plan: snapshot.plan, levels, incidents, updatedAt: snapshot.drill?.scenarioNow ?? snapshot.serverTime };
}

export function liveWithNotice(live: StatusLive, notice: Notice): StatusLive {
  return { ...live, incidents: keepLatest(live.incidents, notice), updatedAt: laterOf(live.updatedAt, notice.t) };
}

/** A corrected notice replaces its old text only while it is still the one shown for its incident. */
export function liveWithCorrection(live: StatusLive, notice: Notice): StatusLive {
  const shown = live.incidents[notice.incidentId];
  if (shown === undefined || shown.id !== notice.id) return live;
  return { ...live, incidents: { ...live.incidents, [notice.incidentId]: notice } };
}

export function liveWithTicks(live: StatusLive, ticks: readonly Tick[]): StatusLive {
  if (ticks.length === 0) return live;
  const levels = { ...live.levels };
  let updatedAt = live.updatedAt;
  for (const tick of [...ticks].sort((a, b) => Date.parse(a.t) - Date.parse(b.t))) {
    levels[tick.service] = tick.level;
    updatedAt = laterOf(updatedAt, tick.t);
  }
  return { ...live, levels, updatedAt };
}

export function viewFromLive(live: StatusLive, language: Language): StatusView {
  const displayName = new Map(live.plan.services.map((s) => [s.name, s.displayNames?.[language] ?? s.displayName]));
  // as the server's status documents do: operational while the open incident's latest notice says users are fine
  const fine = new Set(Object.values(live.incidents).filter((n) => n.stage !== 'resolved' && nothingToExpect(n)).map((n) => n.service));
  const services = live.plan.services.map((s) => ({
    key: s.name,
    name: s.displayNames?.[language] ?? s.displayName,
    status: fine.has(s.name) ? ('operational' as const) : (s.statusByLevel[live.levels[s.name] ?? 'normal'] ?? 'operational'),
  }));
  const notices = Object.values(live.incidents)
    .filter((n) => n.stage !== 'resolved')
    .map((n) => ({
      id: n.incidentId,
      serviceNames: [displayName.get(n.service) ?? n.service],
      stage: n.stage,
      title: n.text[language].title,
      body: n.text[language].body,
      cause: n.cause[language],
      expectedDelayMs: n.expectedDelayMs,
      expectedRecoveryAt: n.expectedRecoveryAt,
      nextUpdateAt: n.nextUpdateAt,
      precautionary: n.precautionary === true,
      updatedAt: n.t,
    }))
    .sort(byNewest);
  return { pageName: live.plan.name, timeZone: live.plan.timezone, updatedAt: live.updatedAt, overall: overallOf(services), services, notices };
}
