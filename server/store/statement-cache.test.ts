import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

const open: SqliteDatabase.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('withStatementCache', () => {
  it('prepares each SQL text once and reuses the statement', () => {
    const db = new SqliteDatabase(':memory:');
    open.push(db);
    const cached = withStatementCache(db);
    expect(cached.prepare('SELECT 1 AS one')).toBe(cached.prepare('SELECT 1 AS one'));
    expect(cached.prepare('SELECT 2 AS two')).not.toBe(cached.prepare('SELECT 1 AS one'));
  });

  it('keeps at most maxStatements, dropping the least recently used', () => {
    const db = new SqliteDatabase(':memory:');
    open.push(db);
    const cached = withStatementCache(db, 2);
    const a = cached.prepare('SELECT 1');
    const b = cached.prepare('SELECT 2');
    cached.prepare('SELECT 1');
    cached.prepare('SELECT 3');
    expect(cached.prepare('SELECT 1')).toBe(a);
    expect(cached.prepare('SELECT 2')).not.toBe(b);
  });
});
