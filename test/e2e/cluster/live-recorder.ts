/**
 * A dashboard-like socket.io client that records what it is told: every tick batch, event
 * and notice, and the snapshot of each (re)subscription. It connects to one address (an
 * instance, or nginx); when that connection is lost it reconnects through the fallback
 * address (nginx), as a browser behind the shipped configuration would, and subscribes again.
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Notice, ServerToClientEvents, Snapshot, TickBatch } from '../../../server/contracts.js';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ReceivedTick {
  drillId: string;
  service: string;
  /** scenario time of the tick */
  t: string;
  /** performance.now() when it arrived */
  at: number;
}

export interface Subscription {
  at: number;
  via: string;
  snapshot: Snapshot;
}

const MAX_TICKS = 200_000;

export class LiveRecorder {
  readonly ticks: ReceivedTick[] = [];
  readonly notices: (Notice & { drillId: string | null })[] = [];
  readonly subscriptions: Subscription[] = [];
  readonly disconnects: { at: number; via: string; reason: string }[] = [];
  private socket: LiveSocket;
  private via: string;
  private closed = false;

  constructor(readonly name: string, url: string, private readonly fallbackUrl: string) {
    this.via = url;
    this.socket = this.open(url);
  }

  /** the address it is connected (or connecting) through now */
  get address(): string {
    return this.via;
  }

  /** resolves once the first subscription is acknowledged */
  async ready(withinMs: number): Promise<void> {
    const until = performance.now() + withinMs;
    while (this.subscriptions.length === 0) {
      if (performance.now() > until) throw new Error(`${this.name}: no subscription acknowledged within ${withinMs} ms (via ${this.via})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  ticksAfter(at: number): ReceivedTick[] {
    return this.ticks.filter((t) => t.at > at);
  }

  close(): void {
    this.closed = true;
    this.socket.close();
  }

  private open(url: string): LiveSocket {
    const viaNginx = url === this.fallbackUrl;
    const socket: LiveSocket = connect(url, {
      transports: ['websocket'],
      // through nginx, socket.io's own reconnection finds a living instance behind it
      reconnection: viaNginx,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
      timeout: 5000,
    });
    socket.on('connect', () => {
      socket.emit('subscribe', { services: '*' }, (ack) => {
        if (ack.ok) this.subscriptions.push({ at: performance.now(), via: url, snapshot: ack.value });
      });
    });
    socket.on('drill:tick', (batch: TickBatch) => {
      const at = performance.now();
      if (this.ticks.length >= MAX_TICKS) return;
      for (const tick of batch.ticks) this.ticks.push({ drillId: batch.drillId, service: tick.service, t: tick.t, at });
    });
    socket.on('notice:published', (notice) => {
      this.notices.push(notice);
    });
    socket.on('disconnect', (reason) => {
      this.disconnects.push({ at: performance.now(), via: url, reason });
      if (this.closed || viaNginx) return;
      // the instance it was connected to is gone: come back through the proxy
      socket.close();
      this.via = this.fallbackUrl;
      this.socket = this.open(this.fallbackUrl);
    });
    socket.on('connect_error', () => {
      if (this.closed || viaNginx) return;
      socket.close();
      this.via = this.fallbackUrl;
      this.socket = this.open(this.fallbackUrl);
    });
    return socket;
  }
}
