/**
 * A child process of bench/fan-out.ts holding a share of the live clients: socket.io over
 * WebSocket only, each subscribed to every service, spread round-robin over the instance
 * URLs it is given. It stamps each tick batch's arrival with the machine's monotonic clock
 * (process.hrtime, the same clock in every process), so the parent can put arrivals from
 * several processes side by side. Talks to the parent over IPC:
 *
 *   parent -> { type: 'start', urls, clients }     child -> { type: 'ready', connected } or { type: 'failed', message }
 *   parent -> { type: 'stop' }                     child -> { type: 'ticks', ticks: { [key]: [firstNs, lastNs, receivers] } }
 *   parent -> { type: 'count', keys }              child -> { type: 'counts', received: number[] } (per client, of those keys)
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, TickBatch } from '../../server/contracts.js';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ParentMessage =
  | { type: 'start'; urls: string[]; clients: number }
  | { type: 'stop' }
  | { type: 'count'; keys: string[] };

export type ChildMessage =
  | { type: 'ready'; connected: number }
  | { type: 'failed'; message: string }
  | { type: 'ticks'; ticks: Record<string, [string, string, number]> }
  | { type: 'counts'; received: number[] };

/** connections opened at once: a burst of thousands of handshakes only measures the accept queue */
const CONNECT_BATCH = 100;
const CONNECT_WITHIN_MS = 180_000;

/** one batch's identity: every client subscribed to the same services gets the same batch */
export const tickKey = (batch: TickBatch): string => `${batch.drillId} ${batch.ticks[0]?.t ?? ''}`;

const sockets: LiveSocket[] = [];
const receivedBy: Set<string>[] = [];
const arrivals = new Map<string, { first: bigint; last: bigint; receivers: number }>();
let recording = true;

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

function open(url: string, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: LiveSocket = connect(url, { transports: ['websocket'], reconnection: false, timeout: 60_000 });
    sockets.push(socket);
    const mine = new Set<string>();
    receivedBy[index] = mine;
    socket.on('drill:tick', (batch) => {
      const at = process.hrtime.bigint();
      if (!recording) return;
      const key = tickKey(batch);
      mine.add(key);
      const seen = arrivals.get(key);
      if (seen) {
        if (at > seen.last) seen.last = at;
        if (at < seen.first) seen.first = at;
        seen.receivers++;
      } else {
        arrivals.set(key, { first: at, last: at, receivers: 1 });
      }
    });
    socket.once('connect_error', (e) => reject(new Error(`client ${index} to ${url}: ${e.message}`)));
    socket.once('connect', () => {
      socket.emit('subscribe', { services: '*', history: false }, (ack) => (ack.ok ? resolve() : reject(new Error(ack.error.message))));
    });
  });
}

async function start(urls: string[], clients: number): Promise<void> {
  const deadline = setTimeout(() => {
    send({ type: 'failed', message: `not all ${clients} clients connected within ${CONNECT_WITHIN_MS} ms` });
  }, CONNECT_WITHIN_MS);
  try {
    for (let from = 0; from < clients; from += CONNECT_BATCH) {
      const batch: Promise<void>[] = [];
      for (let i = from; i < Math.min(from + CONNECT_BATCH, clients); i++) batch.push(open(urls[i % urls.length] ?? '', i));
      await Promise.all(batch);
    }
    send({ type: 'ready', connected: sockets.filter((s) => s.connected).length });
  } catch (e) {
    send({ type: 'failed', message: (e as Error).message });
  } finally {
    clearTimeout(deadline);
  }
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'start') void start(message.urls, message.clients);
  if (message.type === 'stop') {
    recording = false;
    const ticks: Record<string, [string, string, number]> = {};
    for (const [key, a] of arrivals) ticks[key] = [String(a.first), String(a.last), a.receivers];
    send({ type: 'ticks', ticks });
  }
  if (message.type === 'count') {
    const keys = message.keys;
    send({ type: 'counts', received: receivedBy.map((mine) => keys.filter((k) => mine.has(k)).length) });
    for (const s of sockets) s.close();
    process.disconnect?.();
  }
});
