/** The server as the benchmarks run it: the default plan, a SQLite store in a fresh temporary folder, no webhooks. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/http/app.js';
import { loadDefaultPlan } from '../../server/plan-file.js';
import type { Store } from '../../server/store/store.js';
import { openSqliteStore } from '../../server/store/open-sqlite-store.js';

export interface BenchApp {
  app: FastifyInstance;
  store: Store;
  /** the temporary folder holding the store; the caller removes it */
  dir: string;
}

export async function benchApp(name: string, options: Partial<AppOptions> = {}): Promise<BenchApp> {
  const plan = await loadDefaultPlan();
  if (!plan.ok) throw new Error('the default plan must load');
  const dir = await mkdtemp(join(tmpdir(), `fc-bench-${name}-`));
  const store = await openSqliteStore(join(dir, 'bench.db'));
  const app = await buildApp({ plan: plan.value, planText: '', store, webhooks: { enabled: false }, ...options });
  return { app, store, dir };
}
