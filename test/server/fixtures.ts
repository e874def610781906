/**
 * The whole app for integration tests: the default plan on an in-memory store, a token of
 * every role, and a clock the test drives itself: time moves only on `clock.advance(ms)` and
 * drills tick only on `runner.tick()`, so nothing waits on timers unless a test asks for the
 * real clock. Every app is closed after its test.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { test as base } from 'vitest';
import { createToken } from '../../server/auth/tokens.js';
import type { TokenRole } from '../../server/auth/roles.js';
import type { DrillDto } from '../../server/contracts.js';
import type { Plan } from '../../server/core/plan/types.js';
import { systemClock, type Clock } from '../../server/clock/clock.js';
import { ManualClock } from '../../server/clock/manual-clock.js';
import type { DrillRunner } from '../../server/drills/drill-runner.js';
import type { StartDrillBody } from '../../server/drills/start-drill-body.js';
import { buildApp, type AppOptions } from '../../server/http/app.js';
import { checkResponsesAgainstDocument } from './response-check.js';
import { DEFAULT_PLAN_PATH, loadDefaultPlan } from '../../server/plan-file.js';
import { openSqliteStore } from '../../server/store/open-sqlite-store.js';
import type { Store } from '../../server/store/store.js';

export const ROLES: readonly TokenRole[] = ['ingest', 'operator', 'admin'];

/** The test's clock: still until the test advances it; its intervals never fire, so ticks happen only when a test calls runner.tick(). */
export function testClock(start: number | string = '2026-03-02T09:00:00Z'): ManualClock {
  return new ManualClock(start, { holdTimers: true });
}

/**
 * The wall's time, but no interval fires: for tests whose other party reads the real time
 * (a webhook receiver checking a signature's timestamp) while drills still tick only on runner.tick().
 */
export const wallTimeHeldTimers: Clock = {
  now: () => systemClock.now(),
  setInterval: () => null,
  clearInterval: () => undefined,
};

/** The Feb-3 morning: the 09:00 wave overloads every service of the default plan. */
export const SURGE_WINDOW = { from: '2020-02-03T08:00:00+08:00', to: '2020-02-03T09:30:00+08:00' } as const;

export interface TestServer<C extends Clock = Clock> {
  app: FastifyInstance;
  /** the app's one clock */
  clock: C;
  store: Store;
  plan: Plan;
  tokens: Record<TokenRole, string>;
  /** the Authorization header of a token of this role */
  auth(role: TokenRole): { authorization: string };
  /** start a drill as an operator; fails the test unless it is created */
  startDrill(body: Partial<StartDrillBody>): Promise<DrillDto>;
  /** the running drill (not the live session between drills) */
  drill(): DrillRunner;
  /** listen on 127.0.0.1 at a free port; returns the base URL */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Without a clock of its own the server runs on a fresh testClock(). */
export async function createTestServer<C extends Clock = ManualClock>(options: Partial<Omit<AppOptions, 'clock'>> & { clock?: C } = {}): Promise<TestServer<C>> {
  // without a clock given, C is its default, ManualClock
  const clock = (options.clock ?? testClock()) as C;
  const plan = await loadDefaultPlan();
  if (!plan.ok) throw new Error(`the default plan does not load: ${plan.errors[0]?.message}`);
  // a store the caller passes stays the caller's to close
  const ownStore = options.store === undefined;
  const store = options.store ?? (await openSqliteStore(':memory:'));
  const app = await buildApp({
    plan: plan.value,
    planText: await readFile(DEFAULT_PLAN_PATH, 'utf8'),
    store,
    webhooks: { enabled: false },
    trafficMaxDelayMs: 100,
    ...options,
    clock,
  });
  const violations = checkResponsesAgainstDocument(app);
  await app.ready();
  const tokens = {} as Record<TokenRole, string>;
  for (const role of ROLES) tokens[role] = (await createToken(store, role, `${role} for tests`, clock.now())).token;
  const auth = (role: TokenRole) => ({ authorization: `Bearer ${tokens[role]}` });

  return {
    app,
    clock,
    store,
    plan: plan.value,
    tokens,
    auth,
    async startDrill(body) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/drills', headers: auth('operator'), payload: { scenario: 'feb3', speed: 60, source: 'generated', ...body } });
      if (res.statusCode !== 201) throw new Error(`starting a drill answered ${res.statusCode}: ${res.body}`);
      return res.json<DrillDto>();
    },
    drill() {
      const runner = app.drills.running();
      if (!runner || runner.spec.kind === 'live') throw new Error('no drill is running');
      return runner;
    },
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    },
    async close() {
      await app.close();
      if (ownStore) await store.close();
      if (violations.length > 0) throw new Error(`answers the API description does not describe:\n${violations.join('\n')}`);
    },
  };
}

/** `server`: a fresh app per test with the drill clock in the test's hands. */
export const test = base.extend<{ server: TestServer<ManualClock> }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads the fixtures a fixture needs from this pattern
  server: async ({}, use) => {
    const server = await createTestServer();
    await use(server);
    await server.close();
  },
});

/** Advance the running drill until `done` holds for its latest output, at most `limit` ticks. */
export function tickUntil(runner: DrillRunner, done: () => boolean, limit = 1000): number {
  for (let i = 1; i <= limit; i++) {
    runner.tick();
    if (done()) return i;
  }
  throw new Error(`not reached within ${limit} ticks`);
}
