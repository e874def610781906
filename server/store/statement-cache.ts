/**
 * better-sqlite3 as Kysely sees it, with each distinct SQL text prepared once. Kysely's
 * SQLite driver prepares every query it runs; for the queries on every request (the token
 * lookup on each ingest batch) that compile was most of their cost. Kysely runs one query
 * at a time on this connection, so a statement is never used twice at once. The cache is
 * bounded: queries with a varying shape (IN lists) cannot grow it without end.
 */
import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function withStatementCache(db: BetterSqlite, maxStatements = 256): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        // most recently used last, so the first key is the one to drop
        cache.delete(sql);
        cache.set(sql, hit);
        return hit as unknown as SqliteStatement;
      }
      const statement = db.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > maxStatements) cache.delete(cache.keys().next().value as string);
      return statement as unknown as SqliteStatement;
    },
  };
}
