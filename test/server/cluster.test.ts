/**
 * Two instances on one PostgreSQL database, in one process, over real sockets: the one that
 * holds the engine lease drives the drill, the other follows it, forwards commands and
 * pushes the same ticks to its own clients; when the driver leaves, the follower goes on
 * from the last checkpoint. (A SIGKILL of a real process is in test/e2e/cluster.test.ts.)
 */
import { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi, type TestContext } from 'vitest';
import type { Ack, ClientToServerEvents, DrillDto, Notice, ServerToClientEvents, Snapshot, Tick } from '../../server/contracts.js';
import { systemClock } from '../../server/clock/clock.js';
import { openPostgresStore } from '../../server/store/open-postgres-store.js';
import { createTestSchema } from '../../server/store/test-postgres.js';
import { createTestServer, type TestServer } from './fixtures.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

// the 09:00 wave at 200x: a tick every 50 ms, notices within the first seconds
const DRILL = { scenario: 'feb3', source: 'generated', speed: 200, from: '2020-02-03T08:50:00+08:00', to: '2020-02-03T10:30:00+08:00' } as const;
const WAIT = { timeout: 20_000, interval: 50 };

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function instance(url: string, name: string): Promise<{ server: TestServer; base: string }> {
  const store = await openPostgresStore(url);
  const pool = new Pool({ connectionString: url, max: 2 });
  const server = await createTestServer({ clock: systemClock, store, cluster: { instance: name, pool, leaseTtlMs: 1_500, leaseRenewMs: 250 } });
  let closed = false;
  const closeApp = server.close.bind(server);
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await closeApp();
    await store.close();
    await pool.end();
  };
  cleanup.push(close);
  const base = await server.listen();
  return { server: Object.assign(server, { close }), base };
}

function viewer(base: string) {
  const socket: Client = io(base, { transports: ['websocket'], reconnection: false, forceNew: true });
  cleanup.push(() => {
    socket.close();
  });
  const ticks: Tick[] = [];
  const notices: Notice[] = [];
  socket.on('drill:tick', (batch) => ticks.push(...batch.ticks));
  socket.on('notice:published', (n) => notices.push(n));
  const subscribe = () => socket.timeout(5000).emitWithAck('subscribe', { services: '*' }) as Promise<Ack<Snapshot>>;
  return { ticks, notices, subscribe };
}

async function clusterView(base: string): Promise<{ mode: string; instance: string; owner: string | null }> {
  return (await fetch(`${base}/api/v1/cluster`)).json() as Promise<{ mode: string; instance: string; owner: string | null }>;
}

describe('several instances on one PostgreSQL database', () => {
  it('one drives, the other follows and forwards; when the driver leaves, the other goes on from the checkpoint', async (context: TestContext) => {
    const schema = await createTestSchema(context);
    cleanup.push(schema.drop);
    const a = await instance(schema.url, 'a');
    const b = await instance(schema.url, 'b');
    expect(await clusterView(b.base)).toMatchObject({ mode: 'postgres', instance: 'b', owner: 'a' });

    const onA = viewer(a.base);
    const onB = viewer(b.base);
    expect((await onA.subscribe()).ok).toBe(true);
    expect((await onB.subscribe()).ok).toBe(true);

    // started through the follower: carried out by the driver
    const started = await fetch(`${b.base}/api/v1/drills`, {
      method: 'POST',
      headers: { ...b.server.auth('operator'), 'content-type': 'application/json' },
      body: JSON.stringify(DRILL),
    });
    expect(started.status).toBe(201);
    const drill = (await started.json()) as DrillDto;
    expect(a.server.app.drills.running()?.spec.id).toBe(drill.id);

    // both instances' clients get the same ticks, and the same notices once each
    await vi.waitFor(() => expect(onB.notices.length).toBeGreaterThan(0), WAIT);
    await vi.waitFor(() => expect(onB.ticks.length).toBeGreaterThan(30), WAIT);
    await vi.waitFor(() => expect(new Set(onB.ticks.map((t) => t.service))).toEqual(new Set(['messaging', 'meetings', 'docs'])), WAIT);

    // the follower answers the traffic target, reports and status documents as the driver does
    const snapshotB = await onB.subscribe();
    expect(snapshotB.ok && snapshotB.value.drill?.id).toBe(drill.id);
    const [summaryA, summaryB] = await Promise.all([fetch(`${a.base}/api/v2/summary.json`), fetch(`${b.base}/api/v2/summary.json`)]);
    expect(summaryA.status).toBe(200);
    expect(summaryB.status).toBe(200);

    // the driver leaves: the follower takes the released lease and goes on from the checkpoint
    const beforeLeaving = b.server.app.drills.running()?.dto().scenarioNow ?? '';
    await a.server.close();
    await vi.waitFor(async () => expect((await clusterView(b.base)).owner).toBe('b'), WAIT);
    await vi.waitFor(() => expect(b.server.app.drills.running()?.driving).toBe(true), WAIT);
    const ticksAtTakeover = onB.ticks.length;
    await vi.waitFor(() => expect(onB.ticks.length).toBeGreaterThan(ticksAtTakeover + 30), WAIT);
    const after = (await (await fetch(`${b.base}/api/v1/drills/${drill.id}`)).json()) as DrillDto;
    expect(after.status).toBe('running');
    expect(after.scenarioNow > beforeLeaving).toBe(true);
    expect(after.takeovers).toHaveLength(1);
    expect(after.takeovers[0]).toMatchObject({ from: 'a', to: 'b' });

    // no notice stored twice, none a client saw missing from the store, none pushed twice to a client
    const stored = (await b.server.store.notices.list({ drillId: drill.id, limit: 1000 })).map((n) => n.notice.id);
    expect(new Set(stored).size).toBe(stored.length);
    const pushed = onB.notices.map((n) => n.id);
    expect(new Set(pushed).size).toBe(pushed.length);
    for (const id of pushed) expect(stored).toContain(id);
    // ticks reach the follower's client once each and in order of scenario time per service
    for (const service of ['messaging', 'meetings', 'docs']) {
      const times = onB.ticks.filter((t) => t.service === service).map((t) => t.t);
      expect(new Set(times).size).toBe(times.length);
      expect([...times].sort()).toEqual(times);
    }

    const stopped = await fetch(`${b.base}/api/v1/drills/${drill.id}/stop`, { method: 'POST', headers: b.server.auth('operator') });
    expect(stopped.status).toBe(200);
    // the report says where the drill was taken over
    const report = (await (await fetch(`${b.base}/api/v1/drills/${drill.id}/report.json`)).json()) as { takeovers?: unknown[]; ticks: unknown[] };
    expect(report.takeovers).toEqual(after.takeovers);
    expect(report.ticks.length).toBeGreaterThan(0);
    const page = await (await fetch(`${b.base}/api/v1/drills/${drill.id}/report.html`)).text();
    expect(page).toContain('Taken over by another instance once');
    expect(page).toContain('the last checkpoint of <strong>a</strong>');
  }, 90_000);

  it('counts traffic that reaches a follower as demand on the instance driving the drill', async (context: TestContext) => {
    const schema = await createTestSchema(context);
    cleanup.push(schema.drop);
    const a = await instance(schema.url, 'a');
    const b = await instance(schema.url, 'b');
    const drill = await b.server.startDrill({ scenario: 'feb3', source: 'external', demandFrom: 'traffic', speed: 20 });
    const driver = a.server.app.drills.running();
    expect(driver?.spec.id).toBe(drill.id);
    // requests only to the follower; the driver's ticks must see them
    await vi.waitFor(async () => {
      await Promise.all(Array.from({ length: 50 }, () => fetch(`${b.base}/t/messaging/send`)));
      expect(driver?.latestTick('messaging')?.demandRps ?? 0).toBeGreaterThan(0);
    }, WAIT);
    expect(a.server.app.drills.running()?.latestTick('docs')?.demandRps ?? 0).toBe(0);
  }, 60_000);
});
