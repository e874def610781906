/**
 * `flashcrowd backup` while the server runs, `flashcrowd restore` into a fresh data folder,
 * and a server on the restored store publishing the same status record.
 */
import SqliteDatabase from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAudit } from '../../server/cli/audit.js';
import { runBackup, runRestore } from '../../server/cli/backup.js';
import type { CliIo } from '../../server/cli/io.js';
import { openSqliteStore } from '../../server/store/open-sqlite-store.js';
import { createTestServer, SURGE_WINDOW, tickUntil } from './fixtures.js';

function captureIo(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}

/**
 * The public record a status page shows: incidents with every update, and the feed. Left out:
 * what each boot makes anew (the live session, and the components' times that follow it).
 */
async function statusRecord(dataDir: string) {
  const store = await openSqliteStore(join(dataDir, 'flashcrowd.db'));
  const server = await createTestServer({ store });
  try {
    const incidents = (await server.app.inject({ url: '/api/v2/incidents.json' })).json<{ incidents: { components: unknown }[] }>().incidents;
    const feed = (await server.app.inject({ url: '/history.atom' })).body.replace(/<updated>[^<]*<\/updated>\s*<entry>/, '<entry>');
    const drills = (await store.drills.list()).filter((d) => d.scenario !== 'live').map((d) => d.id);
    return { incidents: incidents.map(({ components: _, ...incident }) => incident), feed, drills };
  } finally {
    await server.close();
    await store.close();
  }
}

describe('backup and restore of the SQLite store', () => {
  let root: string;
  const env = {};
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'flashcrowd-backup-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies a running server’s store and serves the same record from the restored folder', async () => {
    const live = join(root, 'live');
    mkdirSync(live);
    const store = await openSqliteStore(join(live, 'flashcrowd.db'));
    const server = await createTestServer({ store });
    const backupFile = join(root, 'backups', 'flashcrowd-backup.db');
    try {
      await server.startDrill({ speed: 600, ...SURGE_WINDOW });
      const runner = server.drill();
      tickUntil(runner, () => runner.latestTick('messaging')?.level === 'critical');
      await server.app.drills.flush();
      const io = captureIo();
      expect(await runBackup(['--out', backupFile, '--data-dir', live], io, env), io.lines.join('\n')).toBe(0);
      expect(await runBackup(['--out', backupFile, '--data-dir', live], io, env)).toBe(1);
      expect(io.lines.at(-1)).toMatch(/already exists/);
    } finally {
      await server.close();
      await store.close();
    }
    const before = await statusRecord(live);
    expect(before.incidents.length).toBeGreaterThan(0);

    const restored = join(root, 'restored');
    const io = captureIo();
    expect(await runRestore(['--from', backupFile, '--data-dir', restored], io, env), io.lines.join('\n')).toBe(0);
    expect(io.lines).toContainEqual(expect.stringMatching(/audit log intact/));
    expect(await statusRecord(restored)).toEqual(before);

    const again = captureIo();
    expect(await runRestore(['--from', backupFile, '--data-dir', restored], again, env)).toBe(1);
    expect(again.lines.join('\n')).toMatch(/add --force/);
    expect(await runRestore(['--from', backupFile, '--data-dir', restored, '--force'], again, env, () => new Date('2026-12-01T00:00:00Z'))).toBe(0);
    expect(readdirSync(restored)).toContain('flashcrowd.db.replaced-2026-12-01T00-00-00-000Z');
  });

  it('refuses what is not a whole Flashcrowd store, and names the file', async () => {
    const other = join(root, 'other.db');
    new SqliteDatabase(other).exec('create table t (x)');
    const text = join(root, 'notes.txt');
    writeFileSync(text, 'not a database at all, just some text that is long enough to look like a header');
    for (const [from, reason] of [
      [other, /not a Flashcrowd store/],
      [text, /not a readable SQLite database|cannot open it/],
      [root, /not a regular file/],
      [join(root, 'missing.db'), /no such file/],
    ] as const) {
      const io = captureIo();
      expect(await runRestore(['--from', from, '--data-dir', join(root, 'target')], io, env)).toBe(1);
      expect(io.lines.join('\n')).toContain(from);
      expect(io.lines.join('\n')).toMatch(reason);
    }
  });

  it('points PostgreSQL users at pg_dump', async () => {
    const io = captureIo();
    expect(await runBackup(['--out', join(root, 'x.db')], io, { FLASHCROWD_DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/db' })).toBe(2);
    expect(io.lines.join('\n')).toMatch(/pg_dump/);
    expect(io.lines.join('\n')).not.toMatch(/secret/);
  });
});

describe('flashcrowd audit verify', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'flashcrowd-audit-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('says the chain holds, then names the row an insider altered', async () => {
    const file = join(root, 'flashcrowd.db');
    const store = await openSqliteStore(file);
    for (let i = 0; i < 4; i++) await store.audit.append({ at: `2026-02-03T01:0${i}:00.000Z`, actor: null, action: 'notice.edit', target: `n-${i}` });
    await store.close();

    const ok = captureIo();
    expect(await runAudit(['verify', '--data-dir', root], ok, {})).toBe(0);
    expect(ok.lines.join('\n')).toMatch(/intact: 4 rows/);

    const db = new SqliteDatabase(file);
    db.exec("update audit_log set target = 'n-x' where target = 'n-1'");
    db.close();
    const broken = captureIo();
    expect(await runAudit(['verify', '--data-dir', root], broken, {})).toBe(1);
    expect(broken.lines.join('\n')).toMatch(/BROKEN at row 2: .*altered/);
  });

  it('says where to look when there is no store', async () => {
    const io = captureIo();
    expect(await runAudit(['verify', '--data-dir', join(root, 'nothing')], io, {})).toBe(2);
    expect(io.lines.join('\n')).toMatch(/no store here/);
  });
});
