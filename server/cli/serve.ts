/**
 * `flashcrowd serve`: the process around buildApp. It owns configuration, the data folder,
 * the logger, the port and signals; on SIGINT/SIGTERM it stops taking requests, marks the
 * running drill interrupted, flushes what the engine produced and closes the store.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { Pool } from 'pg';
import { join, resolve } from 'node:path';
import { AUTH_LOG_REDACT } from '../auth/redact.js';
import { ensureAdminToken } from '../auth/tokens.js';
import { systemClock } from '../clock/clock.js';
import { CONFIG_FIELDS, fastifyTrustProxy, loadConfig } from '../config/index.js';
import { formatError, type FlashcrowdError } from '../core/errors.js';
import { buildApp } from '../http/app.js';
import { listeningUrl } from '../http/listening-url.js';
import { DEFAULT_PLAN_PATH, loadPlan } from '../plan-file.js';
import { openPostgresStore } from '../store/open-postgres-store.js';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './io.js';
import { readInputFile, readInputFileSync } from '../files/read-input-file.js';
import { startBanner } from './start-banner.js';
import { formatTable } from './table.js';
import { packageVersion } from './version.js';

export async function runServe(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(serveHelp());
    return 0;
  }
  if (args.includes('--version')) {
    io.out(`flashcrowd ${packageVersion()}`);
    return 0;
  }
  const config = loadConfig(args, process.env, (p) => readInputFileSync(p, 'config'));
  if (!config.ok) return fail(io, config.errors);
  const c = config.value;

  const planPath = c.plan ? resolve(c.plan) : DEFAULT_PLAN_PATH;
  const plan = await loadPlan(planPath);
  if (!plan.ok) return fail(io, plan.errors);
  // read again for the API's plan document; loadPlan has just checked the same file
  const planText = await readInputFile(planPath, 'plan');
  if (!planText.ok) return fail(io, planText.errors);

  const dataDir = resolve(c.dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    return fail(io, [{ code: 'serve.data-dir', message: `cannot create the data folder: ${(e as Error).message}`, field: 'dataDir' }]);
  }
  const dbFile = join(dataDir, 'flashcrowd.db');
  let store: Store;
  try {
    store = c.databaseUrl ? await openPostgresStore(c.databaseUrl) : await openSqliteStore(dbFile);
  } catch (e) {
    // the URL is left out: it holds a password
    const where = c.databaseUrl ? { field: 'FLASHCROWD_DATABASE_URL' } : { file: dbFile };
    return fail(io, [{ code: 'serve.store', message: `cannot open the database: ${(e as Error).message}`, ...where }]);
  }
  const admin = await ensureAdminToken(store, c.adminToken, systemClock.now());
  if (!admin.ok) {
    await store.close();
    return fail(io, admin.errors);
  }

  // several instances may share a PostgreSQL database: they talk through it (see server/cluster)
  const clusterPool = c.databaseUrl ? new Pool({ connectionString: c.databaseUrl, max: 2 }) : null;
  const app = await buildApp({
    clock: systemClock,
    plan: plan.value,
    planText: planText.value,
    store,
    publicRead: c.publicRead,
    ...(c.publicUrl ? { publicUrl: c.publicUrl.replace(/\/+$/, '') } : {}),
    trustProxy: fastifyTrustProxy(c.trustProxy),
    authFailures: { maxFailures: c.auth.failureLimit, windowMs: c.auth.failureWindowSeconds * 1000 },
    reportsDir: join(dataDir, 'reports'),
    logger: { level: c.logLevel, redact: AUTH_LOG_REDACT },
    webhooks: { enabled: true, timeoutMs: c.webhooks.timeoutMs, maxAttempts: c.webhooks.maxAttempts, allowPrivate: c.webhooks.allowPrivate },
    retention: c.retention,
    ...(clusterPool ? { cluster: { instance: c.instanceName ?? defaultInstanceName(c.port), pool: clusterPool } } : {}),
    limits: { jsonBodyBytes: c.ingest.jsonBodyLimit, remoteWriteBodyBytes: c.ingest.remoteWriteBodyLimit, ingestPerMinute: c.ingest.rateLimitPerMinute, remoteWriteMaxSeries: c.ingest.remoteWriteMaxSeries },
  });
  try {
    await app.listen({ port: c.port, host: c.host });
  } catch (e) {
    await app.close();
    await store.close();
    await clusterPool?.end();
    return fail(io, [{ code: 'serve.listen', message: `cannot listen on ${c.host}:${c.port}: ${(e as Error).message}`, field: 'port' }]);
  }
  const url = listeningUrl(app.server.address());
  io.out(startBanner({ url, planName: plan.value.name, planPath, admin: admin.value }));

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      void app.close()
        .then(() => store.close())
        .then(() => clusterPool?.end())
        .then(() => done(0), (err: unknown) => {
          io.err(`shutdown failed: ${(err as Error).message}`);
          done(1);
        });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/** host and port name an instance; with an ephemeral port (0) the process id does */
function defaultInstanceName(port: number): string {
  return port === 0 ? `${hostname()}:pid${process.pid}` : `${hostname()}:${port}`;
}

function fail(io: CliIo, errors: readonly FlashcrowdError[]): number {
  for (const e of errors) io.err(formatError(e));
  return 1;
}

export function serveHelp(): string {
  const rows = CONFIG_FIELDS.map((f) => [f.flag ?? '(environment only)', f.env, f.expected]);
  return [
    'usage: flashcrowd serve [options]',
    '',
    'Runs the drill server: ingest, live dashboard at /, status page at /status, status API at /api/v2.',
    'Every option can also come from the environment or a config file (--config FILE, JSON or YAML);',
    'flags win over the environment, which wins over the file.',
    '',
    ...formatTable(['flag', 'environment', 'value'], [...rows, ['--config', 'FLASHCROWD_CONFIG', 'a config file (JSON or YAML, at most 1 MiB, a regular file)'], ['--help', '', 'show this help'], ['--version', '', 'print the version']], 3),
    '',
    'exit status: 0 stopped by SIGINT or SIGTERM, 1 a flag, setting, file or the database was refused',
  ].join('\n');
}

