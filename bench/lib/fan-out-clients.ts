/**
 * A child process of bench/fan-out.ts holding a share of the live clients, spread
 * round-robin over the instance URLs it is given. Each client speaks socket.io's own
 * protocol over a WebSocket (Engine.IO 4, the `websocket` transport, as socket.io-client
 * does with `transports: ['websocket']`): it connects to the default namespace, subscribes to
 * every service without history, answers pings, and stamps each `drill:tick` batch's arrival
 * with the machine's monotonic clock (process.hrtime, the same in every process). It reads
 * the batch's identity from the text without decoding the rest, so the spread measured is the
 * server's fan-out rather than this process decoding thousands of batches one after another.
 * Talks to the parent over IPC:
 *
 *   parent -> { type: 'start', urls, clients }     child -> { type: 'ready', connected } or { type: 'failed', message }
 *   parent -> { type: 'stop' }                     child -> { type: 'ticks', ticks: { [instance \t key]: [firstNs, lastNs, receivers] }, busy }
 *   parent -> { type: 'count', keys }              child -> { type: 'counts', received: number[] } (per client, of those keys)
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export type ParentMessage =
  | { type: 'start'; urls: string[]; clients: number }
  | { type: 'stop' }
  | { type: 'count'; keys: string[] };

export type ChildMessage =
  | { type: 'ready'; connected: number }
  | { type: 'failed'; message: string }
  /** per instance (its index in `urls`) and batch; busy: the share of the measured time this process's event loop was working */
  | { type: 'ticks'; ticks: Record<string, [string, string, number]>; busy: number }
  | { type: 'counts'; received: number[] };

/** connections opened at once: a burst of thousands of handshakes only measures the accept queue */
const CONNECT_BATCH = 100;
const CONNECT_WITHIN_MS = 180_000;
const SUBSCRIBE = `420${JSON.stringify(['subscribe', { services: '*', history: false }])}`;
const TICK_PREFIX = '42["drill:tick",';
/**
 * a batch is `{ drillId, ticks: [{ t, ... }] }`, and a tick holds no other "t": each tick time
 * in it names a tick for every client, so outputs an instance sent together in one batch count
 * as the ticks they are
 */
const DRILL_ID = /"drillId":"([^"]+)"/;
const TICK_TIME = /"t":"([^"]+)"/g;

const sockets: WebSocket[] = [];
const receivedBy: Set<string>[] = [];
const arrivals = new Map<string, { first: bigint; last: bigint; receivers: number }>();
let recording = true;
let loopBefore = performance.eventLoopUtilization();

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

function record(text: string, mine: Set<string>, instance: number, at: bigint): void {
  const drill = DRILL_ID.exec(text)?.[1];
  if (drill === undefined) return;
  for (const t of new Set(Array.from(text.matchAll(TICK_TIME), (m) => m[1]))) recordTick(`${drill} ${t}`, mine, instance, at);
}

function recordTick(key: string, mine: Set<string>, instance: number, at: bigint): void {
  mine.add(key);
  const seen = arrivals.get(`${instance}\t${key}`);
  if (seen) {
    if (at > seen.last) seen.last = at;
    if (at < seen.first) seen.first = at;
    seen.receivers++;
  } else {
    arrivals.set(`${instance}\t${key}`, { first: at, last: at, receivers: 1 });
  }
}

function open(base: string, instance: number, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    sockets.push(ws);
    const mine = new Set<string>();
    receivedBy[index] = mine;
    ws.on('message', (data: Buffer) => {
      const at = process.hrtime.bigint();
      const text = data.toString('utf8');
      if (text.startsWith(TICK_PREFIX)) {
        if (recording) record(text, mine, instance, at);
      } else if (text === '2') {
        ws.send('3');
      } else if (text.startsWith('0')) {
        ws.send('40');
      } else if (text.startsWith('40')) {
        ws.send(SUBSCRIBE);
      } else if (text.startsWith('430')) {
        const [ack] = JSON.parse(text.slice(3)) as [{ ok: boolean; errors?: { message: string }[] }];
        if (ack.ok) resolve();
        else reject(new Error(`client ${index}: subscribe refused: ${ack.errors?.[0]?.message ?? text.slice(3, 300)}`));
      } else if (text.startsWith('44')) {
        reject(new Error(`client ${index}: connection refused: ${text.slice(2)}`));
      }
    });
    ws.once('error', (e) => reject(new Error(`client ${index} to ${base}: ${e.message}`)));
  });
}

async function start(urls: string[], clients: number): Promise<void> {
  const deadline = setTimeout(() => {
    send({ type: 'failed', message: `not all ${clients} clients connected within ${CONNECT_WITHIN_MS} ms` });
  }, CONNECT_WITHIN_MS);
  try {
    for (let from = 0; from < clients; from += CONNECT_BATCH) {
      const batch: Promise<void>[] = [];
      for (let i = from; i < Math.min(from + CONNECT_BATCH, clients); i++) batch.push(open(urls[i % urls.length] ?? '', i % urls.length, i));
      await Promise.all(batch);
    }
    loopBefore = performance.eventLoopUtilization();
    send({ type: 'ready', connected: sockets.filter((s) => s.readyState === WebSocket.OPEN).length });
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
    const busy = performance.eventLoopUtilization(loopBefore).utilization;
    const ticks: Record<string, [string, string, number]> = {};
    for (const [key, a] of arrivals) ticks[key] = [String(a.first), String(a.last), a.receivers];
    send({ type: 'ticks', ticks, busy });
  }
  if (message.type === 'count') {
    const keys = message.keys;
    send({ type: 'counts', received: receivedBy.map((mine) => keys.filter((k) => mine.has(k)).length) });
    for (const s of sockets) s.terminate();
    process.disconnect?.();
  }
});
