import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { ApiTokensTable, Database } from './database.js';
import { firstRow } from './first-row.js';

export const TOKEN_ROLES = ['ingest', 'operator', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** A token as stored: its SHA-256 hash (hex), never the token. */
export interface ApiTokenRecord {
  id: string;
  role: TokenRole;
  hash: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ApiTokenRepository {
  insert(token: ApiTokenRecord): Promise<void>;
  findByHash(hash: string): Promise<ApiTokenRecord | null>;
  get(id: string): Promise<ApiTokenRecord | null>;
  /** oldest first */
  list(): Promise<ApiTokenRecord[]>;
  countByRole(role: TokenRole): Promise<number>;
  touch(id: string, at: string): Promise<void>;
  /** false when there was no token with that id */
  revoke(id: string): Promise<boolean>;
  /** calls `listener` with the id of every token revoked through this store (inside a transaction: once it commits), so caches drop it at once */
  onRevoke(listener: (id: string) => void): void;
}

export type RevokeListeners = Set<(id: string) => void>;

function fromRow(r: Selectable<ApiTokensTable>): ApiTokenRecord {
  return { id: r.id, role: r.role as TokenRole, hash: r.hash, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at };
}

export function apiTokenRepository(db: Kysely<Database>, revokeListeners: RevokeListeners = new Set()): ApiTokenRepository {
  // the lookup behind every authenticated request (each ingest batch): its SQL is built
  // once and run with each hash, and on SQLite its statement is prepared once (statement-cache.ts)
  const byHash = db.selectFrom('api_tokens').selectAll().where('hash', '=', '').compile();
  return {
    async insert(t) {
      await db
        .insertInto('api_tokens')
        .values({ id: t.id, role: t.role, hash: t.hash, name: t.name, created_at: t.createdAt, last_used_at: t.lastUsedAt })
        .execute();
    },
    async findByHash(hash) {
      const { rows } = await db.executeQuery<Selectable<ApiTokensTable>>(CompiledQuery.raw(byHash.sql, [hash]));
      return rows[0] ? fromRow(rows[0]) : null;
    },
    get: (id) => firstRow(db.selectFrom('api_tokens').selectAll().where('id', '=', id), fromRow),
    async list() {
      return (await db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute()).map(fromRow);
    },
    async countByRole(role) {
      const row = await db
        .selectFrom('api_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', role)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async touch(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async revoke(id) {
      const result = await db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
      const revoked = result.numDeletedRows > 0n;
      if (revoked) for (const listener of revokeListeners) listener(id);
      return revoked;
    },
    onRevoke(listener) {
      revokeListeners.add(listener);
    },
  };
}
