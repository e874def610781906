/**
 * Storage behind one interface. Each table group has its own repository module; a Store
 * is those repositories over one Kysely instance, so the same code serves SQLite today and
 * PostgreSQL later (only the dialect passed to Kysely changes).
 */
import type { Kysely } from 'kysely';
import { apiTokenRepository, type ApiTokenRepository, type RevokeListeners } from './api-tokens.js';
import { auditLogRepository, type AuditLogRepository } from './audit-log.js';
import type { Database } from './database.js';
import type { SqlDialectName } from './migrations.js';
import { drillRepository, type DrillRepository } from './drills.js';
import { engineEventRepository, type EngineEventRepository } from './engine-events.js';
import { incidentRepository, type IncidentRepository } from './incidents.js';
import { noticeRepository, type NoticeRepository } from './notices.js';
import { webhookRepository, type WebhookRepository } from './webhook-tables.js';
import { leaseRepository, type LeaseRepository } from './leases.js';
import { checkpointRepository, type CheckpointRepository } from './checkpoints.js';
import { reportRepository, type ReportRepository } from './reports.js';

export interface Store {
  drills: DrillRepository;
  incidents: IncidentRepository;
  notices: NoticeRepository;
  events: EngineEventRepository;
  webhooks: WebhookRepository;
  audit: AuditLogRepository;
  tokens: ApiTokenRepository;
  leases: LeaseRepository;
  checkpoints: CheckpointRepository;
  reports: ReportRepository;
  /**
   * Run `work` atomically: all its writes land or none do. Inside, use the store passed
   * to `work`; a transaction inside a transaction joins the outer one.
   */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** closes the database; the store is unusable afterwards */
  close(): Promise<void>;
}

export function createStore(db: Kysely<Database>, dialect: SqlDialectName, revokeListeners: RevokeListeners = new Set()): Store {
  const store: Store = {
    drills: drillRepository(db),
    incidents: incidentRepository(db),
    notices: noticeRepository(db),
    events: engineEventRepository(db),
    webhooks: webhookRepository(db),
    audit: auditLogRepository(db, dialect),
    tokens: apiTokenRepository(db, revokeListeners),
    leases: leaseRepository(db),
    checkpoints: checkpointRepository(db),
    reports: reportRepository(db),
    transaction: async (work) => {
      if (db.isTransaction) return work(store);
      // revocations are announced once they are committed, never for a rolled-back one
      const revoked: string[] = [];
      const result = await db.transaction().execute((trx) => work(createStore(trx, dialect, new Set([(id) => revoked.push(id)]))));
      for (const id of revoked) for (const listener of revokeListeners) listener(id);
      return result;
    },
    close: () => db.destroy(),
  };
  return store;
}
