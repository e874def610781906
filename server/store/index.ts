export type { Store } from './store.js';
export { createStore } from './store.js';
export { openSqliteStore } from './open-sqlite-store.js';
export { openPostgresStore } from './open-postgres-store.js';
export { migrationProvider, type SqlDialectName } from './migrations.js';
export type { Database } from './database.js';
export type { DrillRecord, DrillListQuery, DrillRepository } from './drills.js';
export type { IncidentRecord, IncidentListQuery, Acknowledgement, IncidentRepository } from './incidents.js';
export type { StoredNotice, NoticeListQuery, NoticeRepository } from './notices.js';
export type { StoredEvent, EventListQuery, EngineEventRepository } from './engine-events.js';
export type {
  WebhookSubscription,
  OutboxStatus,
  OutboxMessage,
  OutboxDelivery,
  NewOutboxMessage,
  WebhookRepository,
} from './webhook-tables.js';
export type { AuditEntry, AuditLogRepository } from './audit-log.js';
export { TOKEN_ROLES, type TokenRole, type ApiTokenRecord, type ApiTokenRepository } from './api-tokens.js';
