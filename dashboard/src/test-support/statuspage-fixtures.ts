/** Statuspage v2 objects for the status page's unit tests: every field the server sends, with test values unless given. */
import type { SpComponent, SpIncident, SpIncidentUpdate } from '../../../server/status/statuspage-schemas.js';

const AT = '2020-02-03T01:00:00Z';

export function spComponent(over: Partial<SpComponent> & Pick<SpComponent, 'id' | 'name'>): SpComponent {
  return {
    status: 'operational',
    created_at: AT,
    updated_at: AT,
    position: 1,
    description: null,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: 'p1',
    group: false,
    only_show_if_degraded: false,
    ...over,
  };
}

export function spUpdate(over: Partial<SpIncidentUpdate> & Pick<SpIncidentUpdate, 'id' | 'status' | 'body' | 'created_at'>): SpIncidentUpdate {
  const text = { title: 'T', body: over.body, cause: over.cause ?? '' };
  return {
    incident_id: 'inc',
    updated_at: over.created_at,
    display_at: over.created_at,
    affected_components: [],
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
    cause: '',
    expected_delay_ms: 0,
    expected_recovery_at: null,
    expected_recovery_earliest_at: null,
    expected_recovery_latest_at: null,
    precautionary: false,
    next_update_at: null,
    translations: { en: text, 'zh-CN': text },
    ...over,
  };
}

export function spIncident(over: Partial<SpIncident> & Pick<SpIncident, 'id' | 'name' | 'status' | 'created_at'>): SpIncident {
  return {
    impact: 'minor',
    updated_at: over.created_at,
    monitoring_at: null,
    resolved_at: over.status === 'resolved' ? over.created_at : null,
    started_at: over.created_at,
    shortlink: `http://localhost/status/incidents/${over.id}`,
    page_id: 'p1',
    incident_updates: [],
    components: [],
    ...over,
  };
}
