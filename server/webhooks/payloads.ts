/**
 * What subscribers can receive: bodies in the Atlassian Statuspage webhook shape
 * (research/status-pages.md §1.5). The incident and component objects themselves are
 * shaped by server/status/; here they pass through as given.
 */
export interface StatuspageWebhookMeta {
  unsubscribe: string;
  documentation: string;
  generated_at?: string;
}

export interface StatuspageWebhookPage {
  id: string;
  status_indicator: string;
  status_description: string;
}

export interface IncidentWebhookBody {
  meta: StatuspageWebhookMeta;
  page: StatuspageWebhookPage;
  /** a Statuspage incident with its incident_updates, newest first */
  incident: Record<string, unknown>;
}

export interface ComponentWebhookBody {
  meta: StatuspageWebhookMeta;
  page: StatuspageWebhookPage;
  component: Record<string, unknown>;
  component_update: Record<string, unknown>;
}

export interface WebhookBodies {
  'incident.updated': IncidentWebhookBody;
  'component.updated': ComponentWebhookBody;
}

export type WebhookEventType = keyof WebhookBodies;
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = ['incident.updated', 'component.updated'];
