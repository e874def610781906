/** summary.json (Statuspage v2, in the viewer's language via ?lang=) -> the status page's view. */
import type { ComponentStatus, SpIncident, SpIncidentUpdate, SpSummary } from '../../../server/status/statuspage-schemas.js';
import { everyMember } from '../shared/every-member.js';
import { byNewest, overallOf, type StatusNotice, type StatusView } from './status-view.js';

// a server of another version may answer with a status this page does not know
const COMPONENT_STATUSES = everyMember<ComponentStatus>()(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);

const knownStatus = (status: string): ComponentStatus =>
  (COMPONENT_STATUSES as readonly string[]).includes(status) ? (status as ComponentStatus) : 'operational';

function latestUpdate(incident: SpIncident): SpIncidentUpdate | undefined {
  return [...incident.incident_updates].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];
}

function noticeOf(incident: SpIncident): StatusNotice {
  const update = latestUpdate(incident);
  const affected = incident.components?.map((c) => c.name) ?? update?.affected_components?.map((c) => c.name) ?? [];
  return {
    id: incident.id,
    serviceNames: affected,
    stage: update?.status ?? incident.status,
    title: incident.name,
    body: update?.body ?? '',
    cause: update?.cause ?? null,
    expectedDelayMs: update?.expected_delay_ms ?? null,
    expectedRecoveryAt: update?.expected_recovery_at ?? null,
    nextUpdateAt: update?.next_update_at ?? null,
    precautionary: update?.precautionary ?? false,
    updatedAt: update?.created_at ?? incident.updated_at,
  };
}

const CLOSED = new Set(['resolved', 'postmortem']);

export function viewFromSummary(summary: SpSummary): StatusView {
  const services = summary.components
    .filter((c) => c.group !== true)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((c) => ({ key: c.id, name: c.name, status: knownStatus(c.status) }));
  return {
    pageName: summary.page.name,
    timeZone: summary.page.time_zone,
    updatedAt: summary.page.updated_at,
    overall: overallOf(services),
    services,
    notices: summary.incidents.filter((i) => !CLOSED.has(i.status)).map(noticeOf).sort(byNewest),
  };
}
