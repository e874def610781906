/**
 * buildApp assembles the service and never listens: the process (cli/serve.ts) owns the
 * port, the logger and signals. Order: plugins, then services, then routes.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Plan } from '../core/plan/types.js';
import type { Store } from '../store/store.js';
import { registerAuth } from '../auth/require-role.js';
import { ingestRateKey } from './ingest-rate-key.js';
import { DrillService } from '../drills/drill-service.js';
import type { Timers } from '../drills/drill-runner.js';
import { LiveHub } from '../live/live-hub.js';
import { metricsRoutes } from '../ingest/metrics-routes.js';
import { remoteWriteRoutes } from '../ingest/remote-write-routes.js';
import type { IngestSample } from '../ingest/ingest-sample.js';
import { statusRoutes } from '../status/routes.js';
import { createWebhookDeliverer, type WebhookDeliverer } from '../webhooks/deliverer.js';
import type { BackoffPolicy } from '../webhooks/backoff.js';
import { DASHBOARD_DIST_DIR } from '../paths.js';
import { registerErrorHandler } from './error-handler.js';
import { OpsMetrics } from './ops-metrics.js';
import { StatusSource } from './status-source.js';
import { webhookPersistHook } from './webhook-events.js';
import { listeningUrl } from './listening-url.js';
import { drillRoutes } from './routes/drills.js';
import { noticeRoutes } from './routes/notices.js';
import { planRoutes, planSummary } from './routes/plan.js';
import { trafficRoutes } from './routes/traffic.js';
import { opsRoutes } from './routes/ops.js';
import { adminRoutes } from './routes/admin.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { whoamiRoutes } from './routes/whoami.js';

export interface AppOptions {
  plan: Plan;
  planText: string;
  store: Store;
  /** public base URL for links in feeds and webhooks, no trailing slash; default: the address it listens on */
  publicUrl?: string;
  publicRead?: boolean;
  /** run the live session on incoming metrics between drills (default true) */
  live?: boolean;
  reportsDir?: string;
  logger?: FastifyServerOptions['logger'];
  timers?: Timers;
  /** webhook delivery; off in tests that drive it themselves */
  webhooks?: { enabled: boolean; timeoutMs?: number; maxAttempts?: number; pollIntervalMs?: number; backoff?: BackoffPolicy };
  limits?: { jsonBodyBytes?: number; remoteWriteBodyBytes?: number; ingestPerMinute?: number };
  trafficMaxDelayMs?: number;
  dashboardDir?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    drills: DrillService;
    live: LiveHub;
    webhooks: WebhookDeliverer | null;
    statusSource: StatusSource;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.limits?.jsonBodyBytes ?? 1024 * 1024,
    trustProxy: true,
    forceCloseConnections: true,
    // Fastify strips unknown properties by default; a misspelt field would then be ignored
    // silently, so schemas with additionalProperties: false refuse it with a 400 instead.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandler(app);
  registerAuth(app, { store: opts.store, publicRead: opts.publicRead ?? true });

  const drills = new DrillService({
    store: opts.store,
    plan: opts.plan,
    log: app.log,
    live: opts.live ?? true,
    ...(opts.timers ? { timers: opts.timers } : {}),
    ...(opts.reportsDir ? { reportsDir: opts.reportsDir } : {}),
  });
  const publicUrl = (): string => opts.publicUrl ?? listeningUrl(app.server.address());
  const statusSource = new StatusSource({ plan: opts.plan, store: opts.store, publicUrl });
  const live = new LiveHub(app.server, {
    services: () => Object.keys(opts.plan.services),
    snapshot: (services) => {
      const runner = drills.running();
      const history = runner?.history() ?? {};
      return {
        serverTime: new Date().toISOString(),
        drill: runner?.dto() ?? null,
        plan: planSummary(opts.plan),
        history: Object.fromEntries(services.map((s) => [s, history[s] ?? []])),
        events: (runner?.recentEventList() ?? []).filter((e) => services.includes(e.service)),
        notices: (runner?.recentNoticeList() ?? []).filter((n) => services.includes(n.service)),
      };
    },
  });
  const webhooks = opts.webhooks?.enabled === false ? null : createWebhookDeliverer({
    store: opts.store,
    ...(opts.webhooks?.timeoutMs ? { timeoutMs: opts.webhooks.timeoutMs } : {}),
    ...(opts.webhooks?.maxAttempts ? { maxAttempts: opts.webhooks.maxAttempts } : {}),
    ...(opts.webhooks?.pollIntervalMs ? { pollIntervalMs: opts.webhooks.pollIntervalMs } : {}),
    ...(opts.webhooks?.backoff ? { backoff: opts.webhooks.backoff } : {}),
    onError: (err) => app.log.error({ err }, 'webhook delivery loop failed'),
  });
  const metrics = new OpsMetrics({
    liveClients: () => live.clientCount(),
    webhookBacklog: () => opts.store.webhooks.backlog(),
    drillRunning: () => { const r = drills.running(); return r !== null && r.spec.scenarioName !== 'live'; },
  });

  const toWebhooks = webhookPersistHook(statusSource, publicUrl);
  drills.onPersist(async (store, out) => {
    await toWebhooks(store, out, statusSource.observe(out));
  });
  drills.onOutput((out) => {
    live.publish(out);
    if (out.stepSeconds !== undefined) metrics.tickSeconds.observe(out.stepSeconds);
    if (out.notices.length > 0) webhooks?.wake();
  });
  drills.onStatus((drill) => {
    if (drill.status === 'running') statusSource.reset(drill.scenarioStart);
    live.publishStatus(drill);
  });

  app.decorate('drills', drills);
  app.decorate('live', live);
  app.decorate('webhooks', webhooks);
  app.decorate('statusSource', statusSource);

  const onSamples = (source: string) => (samples: IngestSample[]): void => {
    metrics.ingestSamples.inc({ source }, samples.length);
    const runner = drills.running();
    if (!runner) return;
    for (const s of samples) {
      runner.recordSample(s.service, {
        rps: s.rps ?? 0,
        ...(s.latencyMs !== undefined ? { latencyMs: s.latencyMs } : {}),
        ...(s.errorRate !== undefined ? { errorRate: s.errorRate } : {}),
      });
    }
  };
  await app.register(async (scope) => {
    // per token (or address, when none), counted before the body is read
    await scope.register(rateLimit, {
      max: opts.limits?.ingestPerMinute ?? 6000,
      timeWindow: '1 minute',
      keyGenerator: ingestRateKey,
    });
    await metricsRoutes(scope, { plan: () => opts.plan, onSamples: onSamples('json'), preHandler: app.requireRole('ingest') });
    await remoteWriteRoutes(scope, {
      plan: () => opts.plan,
      onSamples: onSamples('remote_write'),
      preHandler: app.requireRole('ingest'),
      ...(opts.limits?.remoteWriteBodyBytes ? { bodyLimit: opts.limits.remoteWriteBodyBytes } : {}),
    });
  });
  await app.register(trafficRoutes, { drills, maxDelayMs: opts.trafficMaxDelayMs ?? 2000, onRequest: (service: string) => metrics.trafficRequests.inc({ service }) });
  await app.register(drillRoutes, { drills });
  await app.register(noticeRoutes, { drills, store: opts.store });
  await app.register(planRoutes, { plan: opts.plan, planText: opts.planText });
  await app.register(adminRoutes, { store: opts.store });
  await app.register(whoamiRoutes);
  await app.register(statusRoutes, { source: () => statusSource.input(), version: () => statusSource.version(), preHandler: app.requireReader });
  await app.register(opsRoutes, { metrics, ready: () => drills.running() !== null || opts.live === false });
  const dashboardDir = opts.dashboardDir ?? DASHBOARD_DIST_DIR;
  if (existsSync(join(dashboardDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: dashboardDir, index: false, wildcard: false, maxAge: '1h', immutable: false });
  }
  await app.register(dashboardRoutes, { dir: dashboardDir, preHandler: app.requireReader });

  app.addHook('onReady', async () => {
    await drills.boot();
    webhooks?.start();
  });
  app.addHook('preClose', async () => {
    live.close();
    await drills.close();
    await webhooks?.stop();
  });
  return app;
}
