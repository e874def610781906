/**
 * A child process of bench/fan-out.ts holding a share of the live clients, spread
 * round-robin over the instance URLs it is given. Each client speaks socket.io's own
 * protocol over a WebSocket (Engine.IO 4, the `websocket` transport, as socket.io-client
 * does with `transports: ['websocket']`): it connects to the default namespace, subscribes to
 * every service without history, answers pings, and stamps the arrival of each read that
 * carries a `drill:tick` batch with the machine's monotonic clock (process.hrtime, the same
 * in every process). Every client's reads land in one shared buffer (net's `onread`), framed
 * by bench/lib/websocket-wire.ts, and each batch's identity is read from its text without
 * parsing the rest: the spread measured is the server's fan-out rather than this process
 * copying and parsing thousands of batches one after another.
 * Talks to the parent over IPC:
 *
 *   parent -> { type: 'start', urls, clients }     child -> { type: 'ready', connected } or { type: 'failed', message }
 *   parent -> { type: 'stop' }                     child -> { type: 'ticks', ticks: { [instance \t key]: [firstNs, lastNs, receivers] }, busy }
 *   parent -> { type: 'count', keys }              child -> { type: 'counts', received: number[] } (per client, of those keys)
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { handshakeKey, maskedTextFrame, upgradeRefusal, upgradeRequest, WireReader } from './websocket-wire.js';

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
const PATH = '/socket.io/?EIO=4&transport=websocket';
const CONNECT = maskedTextFrame('40');
const PONG = maskedTextFrame('3');
const SUBSCRIBE = maskedTextFrame(`420${JSON.stringify(['subscribe', { services: '*', history: false }])}`);
const TICK_PREFIX = '42["drill:tick",';
/**
 * a batch is `{ drillId, ticks: [{ t, ... }] }`, and a tick holds no other "t": each tick time
 * in it names a tick for every client, so outputs an instance sent together in one batch count
 * as the ticks they are
 */
const DRILL_ID = /"drillId":"([^"]+)"/;
const TICK_TIME = /"t":"([^"]+)"/g;
/** every client's reads go here: a read is handled in full before the next one starts */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

const sockets: Socket[] = [];
/** per client, the ids (in `keyIds`) of the ticks it received */
const receivedBy: number[][] = [];
/** `${drillId} ${t}` of every tick seen, to a small id */
const keyIds = new Map<string, number>();
/** per instance, per tick id: when its first and last reader got it, and how many did */
const arrivals: { first: bigint; last: bigint; receivers: number }[][] = [];
let recording = true;
let loopBefore = performance.eventLoopUtilization();

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

function record(text: string, mine: number[], instance: number, at: bigint): void {
  const drill = DRILL_ID.exec(text)?.[1];
  if (drill === undefined) return;
  const times: string[] = [];
  TICK_TIME.lastIndex = 0;
  for (let match = TICK_TIME.exec(text); match; match = TICK_TIME.exec(text)) {
    const t = match[1] ?? '';
    if (times.includes(t)) continue;
    times.push(t);
    recordTick(`${drill} ${t}`, mine, instance, at);
  }
}

function recordTick(key: string, mine: number[], instance: number, at: bigint): void {
  let id = keyIds.get(key);
  if (id === undefined) {
    id = keyIds.size;
    keyIds.set(key, id);
  }
  mine.push(id);
  const byTick = (arrivals[instance] ??= []);
  const seen = byTick[id];
  if (seen) {
    if (at > seen.last) seen.last = at;
    if (at < seen.first) seen.first = at;
    seen.receivers++;
  } else {
    byTick[id] = { first: at, last: at, receivers: 1 };
  }
}

function open(base: string, instance: number, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const { hostname, port, host } = new URL(base);
    const key = handshakeKey();
    const mine: number[] = [];
    receivedBy[index] = mine;
    let at = 0n;
    let subscribed = false;
    const fail = (why: string): void => {
      socket.destroy();
      const problem = `client ${index} to ${base}: ${why}`;
      // once subscribed nobody awaits it any more; the ticks it misses from now on are counted, and this says why
      if (subscribed) console.error(problem);
      else reject(new Error(problem));
    };
    const reader = new WireReader({
      upgraded(head) {
        const refusal = upgradeRefusal(head, key);
        if (refusal) fail(refusal);
      },
      text(message) {
        if (message.startsWith(TICK_PREFIX)) {
          if (recording) record(message, mine, instance, at);
        } else if (message === '2') {
          socket.write(PONG);
        } else if (message.startsWith('0')) {
          socket.write(CONNECT);
        } else if (message.startsWith('40')) {
          socket.write(SUBSCRIBE);
        } else if (message.startsWith('430')) {
          const [ack] = JSON.parse(message.slice(3)) as [{ ok: boolean; errors?: { message: string }[] }];
          if (ack.ok) {
            subscribed = true;
            resolve();
          } else {
            fail(`subscribe refused: ${ack.errors?.[0]?.message ?? message.slice(3, 300)}`);
          }
        } else if (message.startsWith('44')) {
          fail(`connection refused: ${message.slice(2)}`);
        }
      },
      reply(frame) {
        socket.write(frame);
      },
      closed() {
        fail('the server closed the WebSocket');
      },
    });
    const socket = connect({
      host: hostname,
      port: Number(port),
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback(length) {
          // one stamp per read: every message in it arrived together
          at = process.hrtime.bigint();
          const problem = reader.feed(READ_BUFFER, length);
          if (problem) fail(problem);
          return true;
        },
      },
    });
    sockets.push(socket);
    socket.once('connect', () => socket.write(upgradeRequest(host, PATH, key)));
    socket.once('error', (e) => fail(e.message));
    socket.once('close', () => {
      if (!subscribed) fail('the connection closed before the subscription was acknowledged');
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
      for (let i = from; i < Math.min(from + CONNECT_BATCH, clients); i++) batch.push(open(urls[i % urls.length] ?? '', i % urls.length, i));
      await Promise.all(batch);
    }
    loopBefore = performance.eventLoopUtilization();
    send({ type: 'ready', connected: sockets.filter((s) => !s.destroyed).length });
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
    for (const [key, id] of keyIds) {
      arrivals.forEach((byTick, instance) => {
        const a = byTick[id];
        if (a) ticks[`${instance}\t${key}`] = [String(a.first), String(a.last), a.receivers];
      });
    }
    send({ type: 'ticks', ticks, busy });
  }
  if (message.type === 'count') {
    const wanted = message.keys.map((key) => keyIds.get(key));
    send({
      type: 'counts',
      received: receivedBy.map((mine) => {
        const got = new Set(mine);
        return wanted.filter((id) => id !== undefined && got.has(id)).length;
      }),
    });
    for (const s of sockets) s.destroy();
    process.disconnect?.();
  }
});
