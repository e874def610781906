/**
 * Live push over socket.io. A client subscribes to services (or '*') and gets a snapshot in
 * the acknowledgement: the current drill, the plan, recent history, events and notices, so a
 * late or reconnecting client draws everything at once. Then, per tick, one small batch per
 * service it follows. Ticks go out volatile: a client that cannot keep up misses ticks rather
 * than buffering them, so a slow client never slows the engine or anyone else; events and
 * notices are few and go out reliably.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type {
  Ack,
  ClientToServerEvents,
  DrillDto,
  ServerToClientEvents,
  Snapshot,
  SubscribeRequest,
} from '../contracts.js';
import type { Notice } from '../core/engine/types.js';
import type { DrillOutput } from '../drills/drill-runner.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export interface LiveHubOptions {
  services: () => string[];
  snapshot: (services: string[]) => Snapshot;
  /** accept or refuse a connection from its handshake token; null means public */
  authorize?: (token: string | undefined) => boolean;
}

const room = (service: string): string => `svc:${service}`;
const ALL = 'all';

export class LiveHub {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(http: HttpServer, private readonly opts: LiveHubOptions) {
    this.io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
      serveClient: false,
      // the dashboard is served from the same origin; other origins may read as the status API allows
      cors: { origin: '*' },
      pingInterval: 10_000,
      pingTimeout: 10_000,
    });
    if (opts.authorize) {
      const authorize = opts.authorize;
      this.io.use((socket, next) => {
        const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
        if (authorize(token)) next();
        else next(Object.assign(new Error('unauthorized'), { data: { code: 'unauthorized', message: 'a valid token is required to read live data' } }));
      });
    }
    this.io.on('connection', (socket) => this.onConnection(socket));
  }

  private onConnection(socket: LiveSocket): void {
    socket.on('subscribe', (req: SubscribeRequest, ack: (res: Ack<Snapshot>) => void) => {
      if (typeof ack !== 'function') return;
      const known = this.opts.services();
      const wanted = req?.services === '*' ? known : Array.isArray(req?.services) ? req.services : null;
      if (!wanted) {
        ack({ ok: false, error: { code: 'bad_request', message: "subscribe with { services: ['name', ...] } or { services: '*' }" } });
        return;
      }
      const unknown = wanted.filter((s) => !known.includes(s));
      if (unknown.length > 0) {
        ack({ ok: false, error: { code: 'unknown_service', message: `unknown service ${unknown.join(', ')}; known: ${known.join(', ')}` } });
        return;
      }
      for (const r of socket.rooms) if (r !== socket.id) void socket.leave(r);
      void socket.join([ALL, ...wanted.map(room)]);
      ack({ ok: true, data: this.opts.snapshot(wanted) });
    });
  }

  publish(out: DrillOutput): void {
    for (const tick of out.ticks) {
      this.io.to(room(tick.service)).volatile.emit('drill:tick', { drillId: out.drillId, ticks: [tick] });
    }
    for (const event of out.events) this.io.to(room(event.service)).emit('drill:event', { ...event, drillId: out.drillId });
    for (const notice of out.notices) this.publishNotice(notice, out.drillId);
  }

  publishNotice(notice: Notice, drillId: string | null): void {
    this.io.to(room(notice.service)).emit('notice:published', { ...notice, drillId });
  }

  publishStatus(drill: DrillDto): void {
    this.io.to(ALL).emit('drill:status', drill);
  }

  clientCount(): number {
    return this.io.engine.clientsCount;
  }

  /** Disconnect every client; the HTTP server itself is closed by its owner (Fastify). */
  close(): void {
    this.io.disconnectSockets(true);
    this.io.engine.close();
  }
}
