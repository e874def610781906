import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import type { Ack, ClientToServerEvents, PlanSummary, ServerToClientEvents, Snapshot, SubscribeRequest, Tick } from '../contracts.js';
import { sampleTick } from '../core/engine/test-tick.js';
import { LiveHub, latestTicksOnly } from './live-hub.js';

const PLAN: PlanSummary = { name: 'p', timezone: 'Asia/Shanghai', tickSeconds: 15, levels: ['normal', 'surge'], services: [] };

function tick(service: string, seconds: number): Tick {
  return sampleTick({ t: new Date(Date.UTC(2020, 1, 3, 1, 0, seconds)).toISOString(), service, level: seconds > 20 ? 'surge' : 'normal' });
}

const HISTORY: Record<string, Tick[]> = {
  chat: [tick('chat', 0), tick('chat', 15), tick('chat', 30)],
  video: [],
};

function snapshotOf(services: string[]): Snapshot {
  return { serverTime: '2024-05-01T00:00:00.000Z', drill: null, plan: PLAN, history: Object.fromEntries(services.map((s) => [s, HISTORY[s] ?? []])), events: [], notices: [] };
}

let http: HttpServer | null = null;
let hub: LiveHub | null = null;
let client: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

afterEach(async () => {
  client?.close();
  hub?.close();
  await new Promise<void>((resolve) => (http === null ? resolve() : http.close(() => resolve())));
  client = null;
  hub = null;
  http = null;
});

async function subscribe(request: SubscribeRequest): Promise<Ack<Snapshot>> {
  http = createServer();
  hub = new LiveHub(http, { services: () => ['chat', 'video'], snapshot: snapshotOf });
  await new Promise<void>((resolve) => http?.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], reconnection: false });
  const socket = client;
  return socket.timeout(5000).emitWithAck('subscribe', request);
}

describe('latestTicksOnly', () => {
  test('keeps the newest tick of each service and leaves the rest of the snapshot alone', () => {
    const full = snapshotOf(['chat', 'video']);
    const light = latestTicksOnly(full);
    expect(light.history).toEqual({ chat: [tick('chat', 30)], video: [] });
    expect({ ...light, history: full.history }).toEqual(full);
    expect(full.history.chat).toHaveLength(3);
  });
});

describe('subscribe over a real socket', () => {
  test('the snapshot carries the full history by default', async () => {
    const res = await subscribe({ services: '*' });
    expect(res.ok && res.value.history.chat).toHaveLength(3);
  });

  test('history: false gets the latest tick per service only', async () => {
    const res = await subscribe({ services: '*', history: false });
    expect(res.ok && res.value.history).toEqual({ chat: [tick('chat', 30)], video: [] });
  });
});
