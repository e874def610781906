import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { fromNullableJsonColumn, toNullableJsonColumn } from './json-column.js';
import type { TokenRole } from './api-tokens.js';

export interface AuditEntry {
  id: number;
  at: string;
  /** null for changes made by the server itself (start-up, the engine) */
  actor: { tokenId: string; role: TokenRole } | null;
  /** dotted verb, e.g. 'drill.start', 'notice.edit', 'token.create' */
  action: string;
  /** what was changed, e.g. a drill or notice id */
  target: string;
  detail?: Record<string, unknown>;
}

export interface AuditLogRepository {
  append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** newest first; `beforeId` pages backwards; default limit 100 */
  list(query?: { beforeId?: number; limit?: number }): Promise<AuditEntry[]>;
}

export function auditLogRepository(db: Kysely<Database>): AuditLogRepository {
  return {
    async append(entry) {
      const row = await db
        .insertInto('audit_log')
        .values({
          at: entry.at,
          actor_token_id: entry.actor?.tokenId ?? null,
          actor_role: entry.actor?.role ?? null,
          action: entry.action,
          target: entry.target,
          detail_json: toNullableJsonColumn(entry.detail),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(row.id), ...entry };
    },
    async list(query = {}) {
      let q = db.selectFrom('audit_log').selectAll();
      if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId);
      const rows = await q.orderBy('id', 'desc').limit(query.limit ?? 100).execute();
      return rows.map((r) => {
        const entry: AuditEntry = {
          id: Number(r.id),
          at: r.at,
          actor:
            r.actor_token_id !== null && r.actor_role !== null
              ? { tokenId: r.actor_token_id, role: r.actor_role as TokenRole }
              : null,
          action: r.action,
          target: r.target,
        };
        const detail = fromNullableJsonColumn<Record<string, unknown>>(r.detail_json);
        if (detail !== undefined) entry.detail = detail;
        return entry;
      });
    },
  };
}
