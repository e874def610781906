import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot, TickBatch } from '../contracts.js';
import { sampleTick } from '../core/engine/test-tick.js';
import { engineMessage, sendVolatileFrames, textFrame } from './frame-fan-out.js';
import { LiveHub } from './live-hub.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('textFrame', () => {
  test('a short text is FIN, the text opcode, its length and the bytes (RFC 6455 §5.7)', () => {
    expect([...textFrame('Hello')]).toEqual([0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]);
  });

  test('lengths from 126 take two more bytes, from 65,536 eight; counted in UTF-8 bytes', () => {
    const medium = textFrame('é'.repeat(100));
    expect([...medium.subarray(0, 4)]).toEqual([0x81, 126, 0, 200]);
    expect(medium.subarray(4).toString('utf8')).toBe('é'.repeat(100));
    const long = textFrame('x'.repeat(65_536));
    expect([...long.subarray(0, 10)]).toEqual([0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(long).toHaveLength(65_546);
  });
});

describe('engineMessage', () => {
  test('one encoded string becomes an Engine.IO message; binary packets are left to socket.io', () => {
    expect(engineMessage(['2["drill:tick",{}]'])).toBe('42["drill:tick",{}]');
    expect(engineMessage(['51-["x",{"_placeholder":true,"num":0}]', Buffer.from('a')])).toBeNull();
  });
});

let http: HttpServer | null = null;
let hub: LiveHub | null = null;
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  hub?.close();
  await new Promise<void>((resolve) => (http === null ? resolve() : http.close(() => resolve())));
  hub = null;
  http = null;
});

const EMPTY: Snapshot = { serverTime: '2024-05-01T00:00:00.000Z', drill: null, plan: { name: 'p', timezone: 'UTC', tickSeconds: 15, levels: ['normal'], services: [] }, history: {}, events: [], notices: [] };

async function hubWithClients(wanted: { transport: 'websocket' | 'polling'; services: string[] | '*' }[]): Promise<{ hub: LiveHub; batches: TickBatch[][] }> {
  http = createServer();
  const live = new LiveHub(http, { services: () => ['chat', 'video'], snapshot: () => EMPTY });
  hub = live;
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const batches = await Promise.all(wanted.map(async ({ transport, services }) => {
    const client: Client = connect(`http://127.0.0.1:${port}`, { transports: [transport], reconnection: false });
    clients.push(client);
    const got: TickBatch[] = [];
    client.on('drill:tick', (batch) => got.push(batch));
    await client.timeout(5000).emitWithAck('subscribe', { services, history: false });
    return got;
  }));
  return { hub: live, batches };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('tick batches through LiveHub', () => {
  test('WebSocket and polling clients get the same batch, each the services it follows', async () => {
    const { hub: live, batches } = await hubWithClients([
      { transport: 'websocket', services: '*' },
      { transport: 'polling', services: '*' },
      { transport: 'websocket', services: ['video'] },
    ]);
    // a polling client can take a volatile batch only while it has a request waiting: publish until each has one
    const published: TickBatch[] = [];
    for (let s = 0; s < 200 && !batches.every((b) => b.length > 0); s++) {
      const t = new Date(Date.UTC(2020, 1, 3, 0, 0, s)).toISOString();
      const batch = { drillId: 'd-1', ticks: [sampleTick({ service: 'chat', level: 'surgé', t }), sampleTick({ service: 'video', t })] };
      published.push(batch);
      live.publish({ ...batch, events: [], notices: [] });
      await new Promise((r) => setTimeout(r, 10));
    }
    const only = (services: string[]) => (batch: TickBatch): TickBatch => ({ ...batch, ticks: batch.ticks.filter((t) => services.includes(t.service)) });
    const [all, polled, video] = batches;
    expect(all?.length).toBeGreaterThan(0);
    expect(polled?.length).toBeGreaterThan(0);
    expect(video?.length).toBeGreaterThan(0);
    for (const got of [all, polled]) for (const batch of got ?? []) expect(published).toContainEqual(batch);
    for (const batch of video ?? []) expect(published.map(only(['video']))).toContainEqual(batch);
  });

  test('a WebSocket client is written to directly; a polling one is left to socket.io', async () => {
    // the direct path reads engine.io's and ws's internals: an upgrade that moves them shows here
    const { hub: live, batches } = await hubWithClients([{ transport: 'websocket', services: '*' }, { transport: 'polling', services: '*' }]);
    const [ws, polling] = [...live.io.sockets.sockets.values()].sort((a) => (a.conn.transport.name === 'websocket' ? -1 : 1));
    const batch: TickBatch = { drillId: 'd-4', ticks: [sampleTick({ service: 'chat' })] };
    const frame = textFrame(`42${JSON.stringify(['drill:tick', batch])}`);
    expect(ws && sendVolatileFrames(ws, [frame, frame])).toEqual({ via: 'direct', written: 2 });
    expect(polling && sendVolatileFrames(polling, [frame])).toEqual({ via: 'socket.io' });
    await until(() => (batches[0]?.length ?? 0) > 1);
    expect(batches[0]).toEqual([batch, batch]);
  });

  test('a WebSocket client with compression negotiated is left to socket.io', async () => {
    http = createServer();
    const io = new Server(http, { perMessageDeflate: true });
    await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
    const connected = new Promise<Parameters<typeof sendVolatileFrames>[0]>((resolve) => io.once('connection', resolve));
    const client: Client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false });
    clients.push(client);
    const socket = await connected;
    expect(sendVolatileFrames(socket, [textFrame('42["drill:tick",{}]')])).toEqual({ via: 'socket.io' });
    await io.close();
  });

  test('outputs published together reach a WebSocket client as one batch each, in order', async () => {
    const { hub: live, batches } = await hubWithClients([{ transport: 'websocket', services: ['chat'] }]);
    const at = (s: number): string => new Date(Date.UTC(2020, 1, 3, 0, 0, s)).toISOString();
    for (const s of [0, 15, 30]) live.publish({ drillId: 'd-5', ticks: [sampleTick({ service: 'chat', t: at(s) }), sampleTick({ service: 'video', t: at(s) })], events: [], notices: [] });
    await until(() => (batches[0]?.length ?? 0) > 2);
    expect(batches[0]?.map((b) => b.ticks.map((t) => `${t.service} ${t.t}`))).toEqual([[`chat ${at(0)}`], [`chat ${at(15)}`], [`chat ${at(30)}`]]);
  });

  test('a batch above 64 KiB arrives whole', async () => {
    const { hub: live, batches } = await hubWithClients([{ transport: 'websocket', services: '*' }]);
    const ticks = Array.from({ length: 300 }, (_, i) => sampleTick({ service: 'chat', t: new Date(Date.UTC(2020, 1, 3, 0, 0, i)).toISOString() }));
    live.publish({ drillId: 'd-2', ticks, events: [], notices: [] });
    await until(() => (batches[0]?.length ?? 0) > 0);
    expect(batches[0]).toEqual([{ drillId: 'd-2', ticks }]);
  });

  test('ticks written directly keep their place among reliable events', async () => {
    const { hub: live } = await hubWithClients([]);
    const seen: string[] = [];
    const http2 = http as HttpServer;
    const { port } = http2.address() as AddressInfo;
    const client: Client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
    clients.push(client);
    client.on('drill:tick', (b) => seen.push(`tick ${b.ticks[0]?.t}`));
    client.on('drill:event', (e) => seen.push(`event ${e.t}`));
    await client.timeout(5000).emitWithAck('subscribe', { services: '*', history: false });
    const at = (s: number): string => new Date(Date.UTC(2020, 1, 3, 0, 0, s)).toISOString();
    for (const s of [0, 15, 30]) {
      live.publish({ drillId: 'd-3', ticks: [sampleTick({ service: 'chat', t: at(s) })], events: [{ type: 'level:changed', message: 'm', data: {}, t: at(s), service: 'chat' }], notices: [] });
      await until(() => seen.length >= (s / 15 + 1) * 2);
    }
    expect(seen).toEqual([0, 15, 30].flatMap((s) => [`tick ${at(s)}`, `event ${at(s)}`]));
  });
});
