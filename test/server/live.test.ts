import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ack, ClientToServerEvents, DrillDto, Notice, ServerToClientEvents, Snapshot, Tick } from '../../server/contracts.js';
import { systemClock } from '../../server/clock/clock.js';
import { createTestServer, type TestServer } from './fixtures.js';
import { stalledClient, type StalledClient } from './stalled-client.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

// 50 scenario minutes into the 09:00 wave at the fastest speed the plan allows: 200 ticks of 20 ms
const DRILL = { scenario: 'feb3', source: 'generated', speed: 750, from: '2020-02-03T08:40:00+08:00', to: '2020-02-03T09:30:00+08:00' } as const;
const LAST_TICK = '2020-02-03T01:30:00.000Z';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function liveServer(): Promise<{ server: TestServer; url: string }> {
  const server = await createTestServer({ clock: systemClock });
  cleanup.push(() => server.close());
  return { server, url: await server.listen() };
}

/** A recording client: every batch, notice and status it is sent. */
function client(url: string) {
  const socket: Client = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  cleanup.push(() => {
    socket.close();
  });
  const ticks: Tick[] = [];
  const batches: { drillId: string }[] = [];
  const notices: (Notice & { drillId: string | null })[] = [];
  const statuses: DrillDto[] = [];
  socket.on('drill:tick', (batch) => {
    batches.push(batch);
    ticks.push(...batch.ticks);
  });
  socket.on('notice:published', (n) => notices.push(n));
  socket.on('drill:status', (d) => statuses.push(d));
  const subscribe = (services: string[] | '*') => socket.timeout(5000).emitWithAck('subscribe', { services }) as Promise<Ack<Snapshot>>;
  return { socket, ticks, batches, notices, statuses, subscribe };
}

const finished = (statuses: DrillDto[], id: string) => statuses.some((d) => d.id === id && d.status === 'finished');
const WAIT = { timeout: 20_000, interval: 50 };

describe('live push over socket.io', () => {
  it('acknowledges a subscription with a snapshot, then pushes tick batches and notices with cause, delay and recovery', async () => {
    const { server, url } = await liveServer();
    const viewer = client(url);
    const ack = await viewer.subscribe('*');
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.value.plan.services.map((s) => s.name)).toEqual(['messaging', 'meetings', 'docs']);
    expect(Object.keys(ack.value.history)).toEqual(['messaging', 'meetings', 'docs']);

    const drill = await server.startDrill(DRILL);
    await vi.waitFor(() => expect(finished(viewer.statuses, drill.id)).toBe(true), WAIT);

    expect(viewer.batches.every((b) => b.drillId === drill.id)).toBe(true);
    for (const service of ['messaging', 'meetings', 'docs']) {
      const own = viewer.ticks.filter((t) => t.service === service);
      // ticks go out volatile: a few may be skipped, most arrive
      expect(own.length, service).toBeGreaterThan(100);
      expect(own.every((t, i) => i === 0 || t.t > own[i - 1]!.t)).toBe(true);
    }
    const fromDrill = viewer.notices.filter((n) => n.drillId === drill.id);
    expect(fromDrill.length).toBeGreaterThan(0);
    for (const n of fromDrill) {
      expect(n.cause.en).toContain('Spring Festival');
      expect(n.cause['zh-CN']).toContain('春节');
      expect(n.expectedDelayMs).toEqual(expect.any(Number));
    }
    expect(fromDrill.some((n) => n.expectedRecoveryAt !== null && n.expectedDelayMs > 0)).toBe(true);
  });

  it('refuses a subscription to an unknown service in the acknowledgement', async () => {
    const { url } = await liveServer();
    const ack = await client(url).subscribe(['messaging', 'mail']);
    expect(ack).toEqual({ ok: false, errors: [{ code: 'live.service', message: expect.stringContaining('mail') }] });
  });

  it('sends only the services subscribed to, and a late joiner gets recent history in its snapshot', async () => {
    const { server, url } = await liveServer();
    const docsOnly = client(url);
    expect((await docsOnly.subscribe(['docs'])).ok).toBe(true);
    const drill = await server.startDrill(DRILL);
    await vi.waitFor(() => expect(docsOnly.notices.length).toBeGreaterThan(0), WAIT);

    const late = client(url);
    const ack = await late.subscribe(['messaging', 'docs']);
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.value.drill?.id).toBe(drill.id);
    expect(ack.value.history.messaging?.length).toBeGreaterThan(0);
    expect(ack.value.history.docs?.length).toBeGreaterThan(0);
    expect(ack.value.history).not.toHaveProperty('meetings');
    expect(ack.value.notices.length).toBeGreaterThan(0);
    expect(ack.value.notices.every((n) => n.service === 'messaging' || n.service === 'docs')).toBe(true);
    expect(ack.value.events.length).toBeGreaterThan(0);

    await vi.waitFor(() => expect(finished(late.statuses, drill.id)).toBe(true), WAIT);
    expect(docsOnly.ticks.length).toBeGreaterThan(100);
    expect(docsOnly.ticks.every((t) => t.service === 'docs')).toBe(true);
    expect(docsOnly.notices.every((n) => n.service === 'docs')).toBe(true);
  });

  it('a client that stops reading does not stop ticks reaching the others', async () => {
    const { server, url } = await liveServer();
    const stalled: StalledClient = await stalledClient((server.app.server.address() as AddressInfo).port);
    cleanup.push(() => stalled.close());
    const viewer = client(url);
    expect((await viewer.subscribe('*')).ok).toBe(true);
    const drill = await server.startDrill(DRILL);
    await vi.waitFor(() => expect(viewer.ticks.length).toBeGreaterThan(150), WAIT);
    // each answer is a snapshot with the history so far: megabytes the stalled client never reads,
    // more than the loopback socket buffers hold
    stalled.resubscribe(200);
    await vi.waitFor(() => expect(finished(viewer.statuses, drill.id)).toBe(true), WAIT);
    for (const service of ['messaging', 'meetings', 'docs']) {
      const own = viewer.ticks.filter((t) => t.service === service);
      expect(own.length, service).toBeGreaterThan(100);
    }
    expect(viewer.ticks.some((t) => t.t === LAST_TICK)).toBe(true);
    expect(server.app.drills.runner(drill.id)?.status).toBe('finished');
    // the test bites only if the stalled client really is backed up: its transport cannot take more
    const others = [...server.app.live.io.sockets.sockets.values()].filter((s) => s.id !== viewer.socket.id);
    expect(others.map((s) => s.conn.transport.writable)).toEqual([false]);
  });
});
