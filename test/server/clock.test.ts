/**
 * The app runs on the one clock it is given: every time it stamps is the test clock's, and
 * time-bound rules (the failed-auth window, webhook retries) move only when the test moves it.
 */
import { afterEach, describe, expect } from 'vitest';
import type { Notice } from '../../server/contracts.js';
import type { AuditEntry } from '../../server/store/audit-log.js';
import { freePort, incidentBody } from '../../server/webhooks/test-helpers.js';
import { enqueue } from '../../server/webhooks/enqueue.js';
import { createTestServer, SURGE_WINDOW, test, testClock, type TestServer } from './fixtures.js';

const START = Date.parse('2026-03-02T09:00:00Z');
const TEXT = {
  en: { title: 'Messages are delayed', body: 'We are adding servers; expect delays of a few seconds.' },
  'zh-CN': { title: '消息延迟', body: '正在扩容，消息可能延迟几秒。' },
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function auditAt(server: TestServer, action: string): Promise<string[]> {
  const res = await server.app.inject({ url: '/api/v1/audit', headers: server.auth('admin') });
  return res.json<{ entries: AuditEntry[] }>().entries.filter((e) => e.action === action).map((e) => e.at);
}

describe('one clock for the app', () => {
  test('audit rows carry the clock time, and it moves only when the test moves it', async ({ server }) => {
    const drill = await server.startDrill(SURGE_WINDOW);
    expect(await auditAt(server, 'drill.start')).toEqual(['2026-03-02T09:00:00.000Z']);
    expect(drill.startedAt).toBe('2026-03-02T09:00:00.000Z');
    server.clock.advance(90_000);
    const stop = await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/stop`, headers: server.auth('operator') });
    expect(stop.statusCode).toBe(200);
    expect(stop.json<{ endedAt: string }>().endedAt).toBe('2026-03-02T09:01:30.000Z');
    expect(await auditAt(server, 'drill.stop')).toEqual(['2026-03-02T09:01:30.000Z']);
    expect(await auditAt(server, 'drill.start')).toEqual(['2026-03-02T09:00:00.000Z']);
  });

  test("a notice posted before any tick is stamped with the clock's time, and its acknowledgement too", async ({ server }) => {
    server.clock.advance(5 * 60_000);
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/notices', headers: server.auth('operator'), payload: { service: 'messaging', stage: 'identified', text: TEXT } });
    expect(res.statusCode).toBe(201);
    const notice = res.json<Notice>();
    expect(notice.t).toBe('2026-03-02T09:05:00.000Z');
    expect(await auditAt(server, 'notice.post')).toEqual(['2026-03-02T09:05:00.000Z']);
    server.clock.advance(60_000);
    const ack = await server.app.inject({ method: 'POST', url: `/api/v1/incidents/${encodeURIComponent(notice.incidentId)}/acknowledge`, headers: server.auth('operator') });
    expect(ack.statusCode).toBe(201);
    expect(ack.json<{ at: string }>().at).toBe('2026-03-02T09:06:00.000Z');
  });

  test("between drills the status documents date every component from the clock's start", async ({ server }) => {
    const res = await server.app.inject({ url: '/api/v2/components.json' });
    const components = res.json<{ components: { name: string; updated_at: string }[] }>().components;
    expect(components.length).toBeGreaterThan(0);
    for (const c of components) expect(c.updated_at, c.name).toBe('2026-03-02T09:00:00.000Z');
  });

  test('the failed-auth window closes only when the clock passes its end', async () => {
    const server = await createTestServer({ authFailures: { maxFailures: 2, windowMs: 60_000 } });
    cleanup.push(() => server.close());
    const guess = { authorization: 'Bearer fc_admin_not-a-real-token-at-all' };
    const tokens = () => server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: guess });
    for (let i = 0; i < 2; i++) expect((await tokens()).statusCode).toBe(401);
    expect((await tokens()).statusCode).toBe(429);
    server.clock.advance(59_999);
    const still = await tokens();
    expect(still.statusCode).toBe(429);
    expect(still.headers['retry-after']).toBe('1');
    server.clock.advance(1);
    expect((await tokens()).statusCode).toBe(401);
  });

  test("a failed webhook's next attempt is due by the clock, not the wall", async () => {
    const clock = testClock(START);
    const server = await createTestServer({
      clock,
      // polls only when the test asks (runOnce); the receiver's port refuses connections, on loopback
      webhooks: { enabled: true, allowPrivate: true, pollIntervalMs: 3_600_000, backoff: { baseMs: 30_000, maxMs: 30_000, jitter: 0 } },
    });
    cleanup.push(() => server.close());
    const sub = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: server.auth('admin'), payload: { url: `http://127.0.0.1:${await freePort()}/hook`, eventTypes: ['incident.updated'] } });
    expect(sub.statusCode).toBe(201);
    const webhooks = server.app.webhooks!;
    const [id] = await enqueue(server.store, 'incident.updated', incidentBody, { now: clock.now() });

    expect(await webhooks.runOnce()).toBe(1);
    const [failed] = await server.store.webhooks.listMessages();
    expect(failed).toMatchObject({ id, status: 'pending', attempts: 1, nextAttemptAt: '2026-03-02T09:00:30.000Z' });

    clock.advance(29_999);
    expect(await webhooks.runOnce()).toBe(0);
    clock.advance(1);
    expect(await webhooks.runOnce()).toBe(1);
    expect((await server.store.webhooks.listMessages())[0]).toMatchObject({ attempts: 2, nextAttemptAt: '2026-03-02T09:01:00.000Z' });
  });
});
