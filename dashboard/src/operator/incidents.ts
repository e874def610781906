/** Notices grouped by incident, with the stages each has reached, newest incident first. */
import type { IncidentStageName, Notice } from '../api/api-types.js';

export const STAGE_ORDER: readonly IncidentStageName[] = ['investigating', 'identified', 'monitoring', 'resolved'];

export interface IncidentView {
  incidentId: string;
  service: string;
  /** when each stage was first reached, in stage order */
  stages: { stage: IncidentStageName; t: string }[];
  latest: Notice;
  openedAt: string;
}

export function groupIncidents(notices: readonly Notice[], limit = 50): IncidentView[] {
  const byIncident = new Map<string, Notice[]>();
  for (const notice of notices) {
    const list = byIncident.get(notice.incidentId) ?? [];
    list.push(notice);
    byIncident.set(notice.incidentId, list);
  }
  const views: IncidentView[] = [];
  for (const [incidentId, list] of byIncident) {
    const sorted = [...list].sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
    const first = sorted[0];
    const latest = sorted[sorted.length - 1];
    if (first === undefined || latest === undefined) continue;
    const reached = new Map<IncidentStageName, string>();
    for (const notice of sorted) if (!reached.has(notice.stage)) reached.set(notice.stage, notice.t);
    const stages = STAGE_ORDER.flatMap((stage) => {
      const t = reached.get(stage);
      return t === undefined ? [] : [{ stage, t }];
    });
    views.push({ incidentId, service: latest.service, stages, latest, openedAt: first.t });
  }
  return views.sort((a, b) => Date.parse(b.latest.t) - Date.parse(a.latest.t)).slice(0, limit);
}
