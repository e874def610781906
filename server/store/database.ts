/**
 * The row shapes of every table as Kysely sees them. Times are ISO 8601 text so the same
 * rows read back identically from SQLite and PostgreSQL; JSON columns are text and are
 * parsed by the table module that owns them.
 */
import type { Generated } from 'kysely';

export interface DrillsTable {
  id: string;
  status: string;
  scenario: string;
  policy: string;
  speed: number;
  source: string;
  plan_name: string;
  config_json: string;
  timezone: string;
  started_at: string;
  ended_at: string | null;
  scenario_start: string;
  scenario_now: string;
  scenario_end: string | null;
  /** JSON array of DrillTakeover */
  takeovers_json: Generated<string>;
}

export interface IncidentsTable {
  id: string;
  drill_id: string | null;
  service: string;
  level: string;
  stage: string;
  opened_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface NoticesTable {
  id: string;
  incident_id: string;
  drill_id: string | null;
  service: string;
  t: string;
  level: string;
  stage: string;
  author: string | null;
  edited_at: string | null;
  notice_json: string;
}

export interface EngineEventsTable {
  id: Generated<number>;
  drill_id: string;
  t: string;
  service: string;
  type: string;
  reason: string | null;
  message: string;
  data_json: string | null;
}

export interface AcknowledgementsTable {
  id: Generated<number>;
  incident_id: string;
  acknowledged_by: string;
  acknowledged_at: string;
}

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  event_types_json: string;
  secret: string;
  created_at: string;
}

export interface WebhookOutboxTable {
  id: string;
  subscription_id: string;
  event_type: string;
  payload_json: string;
  status: string;
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  delivered_at: string | null;
  last_error: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_token_id: string | null;
  actor_role: string | null;
  action: string;
  target: string;
  detail_json: string | null;
  /** the previous row's hash (see audit-chain.ts); null only if written around the chain */
  prev_hash: string | null;
  hash: string | null;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface DrillCheckpointsTable {
  drill_id: string;
  /** scenario time of the checkpoint's tick (ISO) */
  scenario_now: string;
  /** the engine state, plain data as JSON */
  state_json: string;
  /**
   * that tick's output as JSON: stored in the same transaction, pushed only after it, so a
   * driver that dies in between leaves it for the next to push
   */
  output_json: string;
  /** the instance that wrote it */
  holder: string;
  saved_at: string;
}

export interface DrillReportsTable {
  drill_id: string;
  report_json: string;
}

export interface ApiTokensTable {
  id: string;
  role: string;
  hash: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface Database {
  drills: DrillsTable;
  incidents: IncidentsTable;
  notices: NoticesTable;
  engine_events: EngineEventsTable;
  acknowledgements: AcknowledgementsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_outbox: WebhookOutboxTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokensTable;
  leases: LeasesTable;
  drill_checkpoints: DrillCheckpointsTable;
  drill_reports: DrillReportsTable;
}
