/**
 * Test helpers: a store on every backend the suites run against (SQLite in memory, SQLite
 * in a temporary file, PostgreSQL in a schema of its own), and sample rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import { openPostgresStore } from './open-postgres-store.js';
import { openSqliteStore } from './open-sqlite-store.js';
import type { Store } from './store.js';
import { createTestSchema } from './test-postgres.js';

export { sampleDrill, sampleNotice } from './test-samples.js';

export interface TestStore {
  store: Store;
  /** the SQLite file, ':memory:', or the PostgreSQL URL of the test's schema */
  location: string;
  /** whether the data outlives a close (false only for ':memory:') */
  persistent: boolean;
  /** close and open the same database again (a fresh in-memory one for 'memory') */
  reopen(): Promise<Store>;
  dispose(): Promise<void>;
}

interface Backend {
  location: string;
  open(): Promise<Store>;
  remove(): Promise<void>;
}

function sqliteBackend(dir: string | null): Backend {
  const file = dir ? join(dir, 'flashcrowd.sqlite') : ':memory:';
  return {
    location: file,
    open: () => openSqliteStore(file),
    remove: async () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Each kind of store the suites run against, and how to make an empty one. */
const BACKENDS = {
  memory: async () => sqliteBackend(null),
  file: async () => sqliteBackend(mkdtempSync(join(tmpdir(), 'flashcrowd-store-'))),
  postgres: async (context: Pick<TestContext, 'skip'> | undefined): Promise<Backend> => {
    const schema = await createTestSchema(context);
    return { location: schema.url, open: () => openPostgresStore(schema.url), remove: schema.drop };
  },
};

export type StoreKind = keyof typeof BACKENDS;
export const STORE_KINDS = Object.keys(BACKENDS) as readonly StoreKind[];

/**
 * A fresh, empty store of `kind`. `context` is the test's (or beforeEach's) context: the
 * PostgreSQL kind skips through it when no server is configured outside CI (and fails
 * without one).
 */
export async function openTestStore(kind: StoreKind, context?: Pick<TestContext, 'skip'>): Promise<TestStore> {
  const { location, open, remove } = await BACKENDS[kind](context);
  let current = await open();
  return {
    location,
    persistent: kind !== 'memory',
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await open();
      return current;
    },
    async dispose() {
      await current.close().catch(() => undefined);
      await remove();
    },
  };
}
