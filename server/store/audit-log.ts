import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { fromNullableJsonColumn, toNullableJsonColumn } from './json-column.js';
import type { TokenRole } from './api-tokens.js';
import {
  AUDIT_GENESIS,
  AUDIT_PRUNE_ACTION,
  auditRowHash,
  ChainVerifier,
  type ChainedColumns,
  type ChainReport,
  type PruneAnchor,
} from './audit-chain.js';
import type { SqlDialectName } from './migrations.js';

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

export interface AuditPruneResult {
  deleted: number;
  /** the newest row dropped, null when nothing was old enough */
  throughId: number | null;
}

export interface AuditLogRepository {
  append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** newest first; `beforeId` pages backwards; default limit 100 */
  list(query?: { beforeId?: number; limit?: number }): Promise<AuditEntry[]>;
  /** walks the whole chain, oldest first, a page at a time */
  verify(): Promise<ChainReport>;
  /**
   * Drop rows written before `cutoff` (ISO time) and record the cut in an `audit.prune` row,
   * so the chain still verifies. Callers enforce the minimum retention.
   */
  pruneBefore(cutoff: string, at: string): Promise<AuditPruneResult>;
}

// any constant: it names the one advisory lock that serialises appends across instances
const POSTGRES_AUDIT_LOCK = 4_020_203;
const VERIFY_PAGE = 1000;

export function auditLogRepository(db: Kysely<Database>, dialect: SqlDialectName): AuditLogRepository {
  /** appends must read the newest hash and write after it with no other append in between */
  async function chained<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    const run = async (trx: Kysely<Database>): Promise<T> => {
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${POSTGRES_AUDIT_LOCK})`.execute(trx);
      return work(trx);
    };
    return db.isTransaction ? run(db) : db.transaction().execute(run);
  }

  async function headHash(trx: Kysely<Database>): Promise<string> {
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return last?.hash ?? AUDIT_GENESIS;
  }

  async function insertChained(trx: Kysely<Database>, columns: ChainedColumns): Promise<number> {
    const prevHash = await headHash(trx);
    const row = await trx
      .insertInto('audit_log')
      .values({ ...columns, prev_hash: prevHash, hash: auditRowHash(prevHash, columns) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  return {
    async append(entry) {
      const columns: ChainedColumns = {
        at: entry.at,
        actor_token_id: entry.actor?.tokenId ?? null,
        actor_role: entry.actor?.role ?? null,
        action: entry.action,
        target: entry.target,
        detail_json: toNullableJsonColumn(entry.detail),
      };
      const id = await chained((trx) => insertChained(trx, columns));
      return { id, ...entry };
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
    async verify() {
      const pruneRows = await db.selectFrom('audit_log').select('detail_json').where('action', '=', AUDIT_PRUNE_ACTION).execute();
      const anchors = pruneRows.flatMap((r) => {
        const d = fromNullableJsonColumn<Partial<PruneAnchor>>(r.detail_json);
        return typeof d?.lastHash === 'string' && typeof d.throughId === 'number' ? [{ lastHash: d.lastHash, throughId: d.throughId }] : [];
      });
      const verifier = new ChainVerifier(anchors);
      let afterId = -1;
      for (;;) {
        const page = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id', 'asc').limit(VERIFY_PAGE).execute();
        for (const r of page) verifier.add({ ...r, id: Number(r.id) });
        if (page.length < VERIFY_PAGE) break;
        afterId = Number(page[page.length - 1]!.id);
      }
      return verifier.report();
    },
    async pruneBefore(cutoff, at) {
      return chained(async (trx) => {
        const last = await trx
          .selectFrom('audit_log')
          .select(['id', 'hash'])
          .where('at', '<', cutoff)
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (!last || last.hash === null) return { deleted: 0, throughId: null };
        const throughId = Number(last.id);
        const deleted = await trx.deleteFrom('audit_log').where('id', '<=', throughId).executeTakeFirst();
        const anchor: PruneAnchor = { lastHash: last.hash, throughId };
        await insertChained(trx, {
          at,
          actor_token_id: null,
          actor_role: null,
          action: AUDIT_PRUNE_ACTION,
          target: `through-${throughId}`,
          detail_json: toNullableJsonColumn({ ...anchor, cutoff }),
        });
        return { deleted: Number(deleted.numDeletedRows), throughId };
      });
    },
  };
}
