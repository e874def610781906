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
import { Counter } from 'prom-client';
import { rateLimitKey, registerAuth } from '../auth/require-role.js';
import type { FailureThrottleOptions } from '../auth/failure-throttle.js';
import { withLogRedaction } from '../auth/redact.js';
import { liveRefusal } from '../auth/live-refusal.js';
import { DrillService, type DrillCluster } from '../drills/drill-service.js';
import { createAdapter } from '@socket.io/postgres-adapter';
import type { Pool } from 'pg';
import { socketIoBus } from '../cluster/cluster-bus.js';
import { clusterRoutes } from './routes/cluster.js';
import { frontDoor } from './front-door.js';
import { LiveHub } from '../live/live-hub.js';
import { metricsRoutes } from '../ingest/metrics-routes.js';
import { remoteWriteRoutes } from '../ingest/remote-write-routes.js';
import { RemoteWriteIngest } from '../ingest/remote-write-ingest.js';
import type { IngestSample } from '../ingest/ingest-sample.js';
import { statusRoutes } from '../status/routes.js';
import { incidentRoutes } from '../status/incident-routes.js';
import { createWebhookDeliverer, type WebhookDeliverer } from '../webhooks/deliverer.js';
import type { BackoffPolicy } from '../webhooks/backoff.js';
import type { Resolve } from '../webhooks/targets/guarded-lookup.js';
import { DASHBOARD_DIST_DIR } from '../paths.js';
import { registerErrorHandler } from './error-handler.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerOpenApi } from './openapi/register-openapi.js';
import { serializeAsIs } from './schemas/serialize-as-is.js';
import { clientAddress, type TrustProxy } from './client-address.js';
import { OpsMetrics } from './ops-metrics.js';
import { drillView, registerDrillMetrics } from '../observe/drill-metrics.js';
import { StatusSource } from '../status/status-source.js';
import { webhookPersistHook } from '../status/webhook-events.js';
import { listeningUrl } from './listening-url.js';
import { drillRoutes } from './routes/drills.js';
import { noticeRoutes } from './routes/notices.js';
import { planRoutes, planSummary } from './routes/plan.js';
import { trafficRoutes } from './routes/traffic.js';
import { opsRoutes } from './routes/ops.js';
import { adminRoutes } from './routes/admin.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { isoNow, systemClock, type Clock } from '../clock/clock.js';
import { scheduleRetention, type RetentionSchedule } from '../retention/apply-retention.js';
import type { RetentionPolicy } from '../retention/retention-policy.js';
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
  /** the one clock of the service: every time it stamps and every timer it sets; default the wall clock */
  clock?: Clock;
  /** webhook delivery; off in tests that drive it themselves */
  webhooks?: {
    enabled: boolean; timeoutMs?: number; maxAttempts?: number; pollIntervalMs?: number; backoff?: BackoffPolicy;
    /** receivers at private addresses too (on premises); checked at subscription and on every connection */
    allowPrivate?: boolean;
    /** host name resolution for deliveries; tests inject one so nothing resolves outward */
    resolve?: Resolve;
  };
  limits?: { jsonBodyBytes?: number; remoteWriteBodyBytes?: number; ingestPerMinute?: number; remoteWriteMaxSeries?: number };
  trafficMaxDelayMs?: number;
  dashboardDir?: string;
  /** prune old drill events, reports and audit rows; off when absent */
  retention?: RetentionPolicy;
  /**
   * Believe X-Forwarded-For (client address for rate limits and failed-auth throttling):
   * false by default, since anyone can send that header; true, or the proxy addresses/CIDRs
   * to trust, when a reverse proxy in front sets it.
   */
  trustProxy?: TrustProxy;
  /** failed authentication per client address: after maxFailures unknown tokens in windowMs, 429 */
  authFailures?: FailureThrottleOptions;
  /**
   * Several instances on the same PostgreSQL database (the store's): this instance's name
   * and a pool on that database for the messages between instances.
   */
  cluster?: ClusterOptions;
}

export interface ClusterOptions {
  instance: string;
  /** on the store's database; the socket.io adapter holds one connection to LISTEN and sends on another */
  pool: Pool;
  /** default 5000 and 1000 ms */
  leaseTtlMs?: number;
  leaseRenewMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    drills: DrillService;
    live: LiveHub;
    webhooks: WebhookDeliverer | null;
    statusSource: StatusSource;
    clock: Clock;
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const front = frontDoor();
  const app = Fastify({
    serverFactory: front.serverFactory,
    logger: withLogRedaction(opts.logger ?? false),
    bodyLimit: opts.limits?.jsonBodyBytes ?? 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    forceCloseConnections: true,
    // Fastify strips unknown properties by default; a misspelt field would then be ignored
    // silently, so schemas with additionalProperties: false refuse it with a 400 instead.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const clock = opts.clock ?? systemClock;
  app.decorate('clock', clock);
  app.setSerializerCompiler(serializeAsIs);
  registerErrorHandler(app);
  const securityHeaders = await registerSecurityHeaders(app);
  await registerOpenApi(app);
  const authDenied = new Counter({ name: 'flashcrowd_auth_denied_total', help: 'requests and live connections refused by authentication, by code (auth.throttled: refused after too many unknown tokens)', labelNames: ['code'] as const, registers: [] });
  const auth = registerAuth(app, {
    store: opts.store,
    publicRead: opts.publicRead ?? true,
    now: () => clock.now(),
    ...(opts.authFailures ? { failures: opts.authFailures } : {}),
    onDenied: (code) => authDenied.inc({ code }),
  });

  const publicUrl = (): string => opts.publicUrl ?? listeningUrl(app.server.address());
  const statusSource = new StatusSource({ plan: opts.plan, store: opts.store, publicUrl, now: () => clock.now() });
  const addressOf = clientAddress(opts.trustProxy ?? false);
  const live = new LiveHub(app.server, {
    ...(opts.cluster ? { adapter: createAdapter(opts.cluster.pool, { heartbeatInterval: 2_000, heartbeatTimeout: 6_000, errorHandler: (err) => app.log.error({ err }, 'messages between instances failed') }) } : {}),
    authorize: async (token, request) => {
      const decision = await auth.authorize('reader', token, addressOf(request));
      return decision.ok ? null : liveRefusal(decision.errors[0]!);
    },
    services: () => Object.keys(opts.plan.services),
    snapshot: (services) => {
      const runner = drills.running();
      const history = runner?.history() ?? {};
      return {
        serverTime: isoNow(clock),
        drill: runner?.dto() ?? null,
        plan: planSummary(opts.plan),
        history: Object.fromEntries(services.map((s) => [s, history[s] ?? []])),
        events: (runner?.recentEventList() ?? []).filter((e) => services.includes(e.service)),
        notices: (runner?.recentNoticeList() ?? []).filter((n) => services.includes(n.service)),
      };
    },
  });
  const leaseTtlMs = opts.cluster?.leaseTtlMs ?? 5_000;
  const leaseRenewMs = opts.cluster?.leaseRenewMs ?? 1_000;
  const cluster: DrillCluster | undefined = opts.cluster
    ? { instance: opts.cluster.instance, bus: socketIoBus(live.io as never), leaseTtlMs, leaseRenewMs, requestTimeoutMs: 2 * leaseTtlMs }
    : undefined;
  const drills = new DrillService({
    store: opts.store,
    plan: opts.plan,
    log: app.log,
    live: opts.live ?? true,
    clock,
    ...(opts.reportsDir ? { reportsDir: opts.reportsDir } : {}),
    ...(cluster ? { cluster } : {}),
  });
  const webhookTargets = { allowPrivate: opts.webhooks?.allowPrivate ?? false };
  const webhooks = opts.webhooks?.enabled === false ? null : createWebhookDeliverer({
    store: opts.store,
    targets: webhookTargets,
    now: () => clock.now(),
    ...(opts.webhooks?.resolve ? { resolve: opts.webhooks.resolve } : {}),
    ...(opts.webhooks?.timeoutMs ? { timeoutMs: opts.webhooks.timeoutMs } : {}),
    ...(opts.webhooks?.maxAttempts ? { maxAttempts: opts.webhooks.maxAttempts } : {}),
    ...(opts.webhooks?.pollIntervalMs ? { pollIntervalMs: opts.webhooks.pollIntervalMs } : {}),
    ...(opts.webhooks?.backoff ? { backoff: opts.webhooks.backoff } : {}),
    onError: (err) => app.log.error({ err }, 'webhook delivery loop failed'),
  });
  const remoteWrite = new RemoteWriteIngest(opts.limits?.remoteWriteMaxSeries, () => clock.now());
  const metrics = new OpsMetrics({
    remoteWriteSeries: () => ({ held: remoteWrite.heldSeries, evicted: remoteWrite.evictions }),
    liveClients: () => live.clientCount(),
    webhookBacklog: () => opts.store.webhooks.backlog(),
    drillRunning: () => { const r = drills.running(); return r !== null && r.spec.kind !== 'live'; },
  });
  registerDrillMetrics(metrics.registry, () => drillView(drills.running()));
  metrics.registry.registerMetric(authDenied);

  const toWebhooks = webhookPersistHook(statusSource, publicUrl, clock);
  drills.onPersist(async (store, out) => {
    await toWebhooks(store, out, statusSource.observe(out));
  });
  drills.onOutput((out) => {
    live.publish(out);
    if (out.stepSeconds !== undefined) metrics.tickSeconds.observe(out.stepSeconds);
    if (out.notices.length > 0) webhooks?.wake();
  });
  // an instance that follows the drill sees levels change as the driver did
  drills.onFollow((out) => statusSource.observe(out));
  drills.onCorrection((notice, drillId) => {
    live.publishCorrection(notice, drillId);
    webhooks?.wake();
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
    for (const s of samples) {
      drills.recordSample(s.service, {
        rps: s.rps ?? 0,
        ...(s.latencyMs !== undefined ? { latencyMs: s.latencyMs } : {}),
        ...(s.errorRate !== undefined ? { errorRate: s.errorRate } : {}),
      });
    }
  };
  await app.register(async (scope) => {
    // per verified token (the guards run first), counted before the body is read
    await scope.register(rateLimit, {
      max: opts.limits?.ingestPerMinute ?? 6000,
      timeWindow: '1 minute',
      keyGenerator: rateLimitKey,
    });
    await metricsRoutes(scope, {
      plan: () => opts.plan,
      onSamples: onSamples('json'),
      onRejected: () => metrics.ingestRejected.inc({ source: 'json' }),
      preHandler: app.requireRole('ingest'),
      ...(opts.limits?.jsonBodyBytes ? { bodyLimit: opts.limits.jsonBodyBytes } : {}),
    });
    await remoteWriteRoutes(scope, {
      plan: () => opts.plan,
      onSamples: onSamples('remote_write'),
      onRejected: () => metrics.ingestRejected.inc({ source: 'remote_write' }),
      ingest: remoteWrite,
      preHandler: app.requireRole('ingest'),
      ...(opts.limits?.remoteWriteBodyBytes ? { bodyLimit: opts.limits.remoteWriteBodyBytes } : {}),
    });
  });
  // one labelled child per service: inc({ service }) hashes the labels on every request
  const trafficCounts = new Map<string, { inc(): void }>();
  const countTraffic = (service: string): void => {
    let counter = trafficCounts.get(service);
    if (!counter) trafficCounts.set(service, (counter = metrics.trafficRequests.labels(service)));
    counter.inc();
  };
  await app.register(trafficRoutes, { drills, store: opts.store, maxDelayMs: opts.trafficMaxDelayMs ?? 2000, onRequest: countTraffic });
  await app.register(drillRoutes, { drills });
  await app.register(noticeRoutes, { drills, store: opts.store });
  await app.register(planRoutes, { plan: opts.plan, planText: opts.planText });
  await app.register(adminRoutes, { store: opts.store, webhookTargets });
  await app.register(whoamiRoutes);
  await app.register(clusterRoutes, { drills, store: opts.store });
  // Fastify sees every status request where a read needs a token, or where requests are logged
  const fastStatus = (opts.publicRead ?? true) && !['trace', 'debug', 'info'].includes(app.log.level);
  await app.register(statusRoutes, {
    source: () => statusSource.input(),
    version: () => statusSource.version(),
    preHandler: app.requireReader,
    ...(fastStatus ? { front: { use: front.use, securityHeaders, now: () => clock.now() } } : {}),
  });
  await app.register(incidentRoutes, { incident: (id: string) => statusSource.incidentInput(id), preHandler: app.requireReader });
  await app.register(opsRoutes, { metrics, ready: () => drills.ready() });
  const dashboardDir = opts.dashboardDir ?? DASHBOARD_DIST_DIR;
  if (existsSync(join(dashboardDir, 'index.html'))) {
    // source maps are not built for the served dashboard; one left in the folder is not served either
    await app.register(fastifyStatic, { root: dashboardDir, index: false, wildcard: false, maxAge: '1h', immutable: false, allowedPath: (path) => !path.endsWith('.map') });
  }
  await app.register(dashboardRoutes, { dir: dashboardDir });

  let retention: RetentionSchedule | null = null;
  app.addHook('onReady', async () => {
    await drills.boot();
    webhooks?.start();
    if (opts.retention) {
      retention = scheduleRetention({
        store: opts.store,
        policy: opts.retention,
        clock,
        ...(opts.reportsDir ? { reportsDir: opts.reportsDir } : {}),
        onRun: (outcome) => app.log.info({ retention: outcome }, 'retention run'),
        onError: (err) => app.log.error({ err }, 'retention run failed'),
      });
    }
  });
  app.addHook('preClose', async () => {
    // a closing app answers 503 to new requests: Fastify's to give
    front.use(null);
    live.close();
    await retention?.stop();
    await drills.close();
    await webhooks?.stop();
  });
  return app;
}
