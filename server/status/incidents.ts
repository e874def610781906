/**
 * Statuspage v2 incidents from our incidents and notices. Each notice is one incident
 * update. Beside Statuspage's fields an update carries the notice's cause, expected delay,
 * expected recovery and next update time, and the text in every language.
 */
import type { Notice } from '../core/engine/types.js';
import type { Language } from '../core/plan/types.js';
import { componentStatus, impactOf, usersFineAfter, worstImpact } from './levels.js';
import { OPERATOR_NOTICE_PREFIX } from './operator-notice-id.js';
import type { ComponentStatus, Impact } from './levels.js';
import { buildComponent } from './components.js';
import type { StatusIncident, StatusInput, StatusNotice, StatusService } from './status-input.js';
import type { SpIncident, SpIncidentUpdate } from './statuspage-schemas.js';

// at the same instant a resolution comes last: nothing follows it
const resolvedLast = (n: StatusNotice): number => (n.stage === 'resolved' ? 1 : 0);
/** an operator's notice takes the time of the drill's latest tick, after that tick's own notices */
const operatorLast = (n: StatusNotice): number => (n.id.startsWith(OPERATOR_NOTICE_PREFIX) ? 1 : 0);
// numeric: the engine numbers an incident's notices (`meetings-3-9`, `meetings-3-10`), and an
// operator's carry the moment they were posted
const byId = new Intl.Collator('en', { numeric: true });

/**
 * In the order they were published. Notices of one tick share its time: the engine's in the
 * order it numbered them, then operators' in the order posted, the resolution last.
 */
export const chronological = (a: StatusNotice, b: StatusNotice): number =>
  Date.parse(a.t) - Date.parse(b.t) || resolvedLast(a) - resolvedLast(b) || operatorLast(a) - operatorLast(b) || byId.compare(a.id, b.id);

function translations(n: Notice): SpIncidentUpdate['translations'] {
  const entry = (l: Language) => ({ ...n.text[l], cause: n.cause[l] });
  return { en: entry('en'), 'zh-CN': entry('zh-CN') };
}

function statusAfter(n: Notice, service: StatusService | undefined): ComponentStatus {
  if (n.stage === 'resolved' || !service || usersFineAfter(n)) return 'operational';
  return componentStatus(n.level, service);
}

/** Updates newest first, each with the component's status before and after it. */
function buildUpdates(incident: StatusIncident, service: StatusService | undefined, language: Language): SpIncidentUpdate[] {
  let before: ComponentStatus = 'operational';
  const updates = [...incident.notices].sort(chronological).map((n): SpIncidentUpdate => {
    const after = statusAfter(n, service);
    const affected = { code: incident.service, name: service?.displayNames[language] ?? incident.service, old_status: before, new_status: after };
    before = after;
    return {
      id: n.id,
      status: n.stage,
      body: n.text[language].body,
      incident_id: incident.id,
      created_at: n.t,
      updated_at: n.editedAt ?? n.t,
      display_at: n.t,
      affected_components: [affected],
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
      cause: n.cause[language],
      expected_delay_ms: n.expectedDelayMs,
      expected_recovery_at: n.expectedRecoveryAt,
      expected_recovery_earliest_at: n.recoveryEarliestAt ?? null,
      expected_recovery_latest_at: n.recoveryLatestAt ?? null,
      next_update_at: n.nextUpdateAt,
      precautionary: n.precautionary === true,
      translations: translations(n),
    };
  });
  return updates.reverse();
}

/**
 * The worst its users got, by the component's status after each update: an incident whose
 * notices were all precautions (users never held up) had no impact, however high the level.
 */
function impactOfIncident(incident: StatusIncident, service: StatusService | undefined): Impact {
  if (!service) return 'none';
  if (incident.notices.length === 0) return impactOf(componentStatus(incident.level, service));
  return incident.notices.map((n) => impactOf(statusAfter(n, service))).reduce<Impact>(worstImpact, 'none');
}

/** An operator's correction changes the incident as readers see it. */
function lastChange(incident: StatusIncident): string {
  let latest = incident.updatedAt;
  for (const n of incident.notices) if (n.editedAt && Date.parse(n.editedAt) > Date.parse(latest)) latest = n.editedAt;
  return latest;
}

export function buildIncident(input: StatusInput, incident: StatusIncident, language: Language): SpIncident {
  const position = input.services.findIndex((s) => s.name === incident.service);
  const service = input.services[position];
  const notices = [...incident.notices].sort(chronological);
  const monitoring = notices.find((n) => n.stage === 'monitoring');
  return {
    id: incident.id,
    // named by its first notice; by the first that held users up once there is one, so an
    // incident that began as a precaution is not remembered as "no delays so far"
    name: (notices.find((n) => n.precautionary !== true) ?? notices[0])?.text[language].title ?? service?.displayNames[language] ?? incident.service,
    status: incident.stage,
    impact: impactOfIncident(incident, service),
    created_at: incident.openedAt,
    updated_at: lastChange(incident),
    monitoring_at: monitoring?.t ?? null,
    resolved_at: incident.resolvedAt,
    started_at: incident.openedAt,
    shortlink: `${input.page.url}/incidents/${encodeURIComponent(incident.id)}`,
    page_id: input.page.id,
    incident_updates: buildUpdates(incident, service, language),
    components: service ? [buildComponent(input.page, service, position + 1, language)] : [],
  };
}
