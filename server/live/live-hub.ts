/**
 * Live push over socket.io. A client subscribes to services (or '*') and gets a snapshot in
 * the acknowledgement: the current drill, the plan, recent history, events and notices, so a
 * late or reconnecting client draws everything at once. Then, per tick, one batch with the
 * services it follows. Ticks go out volatile: a client that cannot keep up misses ticks rather
 * than buffering them, so a slow client never slows the engine or anyone else; events and
 * notices are few and go out reliably. One batch, not one per service: a volatile packet is
 * dropped while the previous one is still being written, so the second of two back-to-back
 * emits would never reach the client.
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type {
  Ack,
  ClientToServerEvents,
  DrillDto,
  ServerToClientEvents,
  Snapshot,
  SubscribeRequest,
  TickBatch,
} from '../contracts.js';
import type { Notice, Tick } from '../core/engine/types.js';
import type { DrillOutput } from '../drills/drill-runner.js';
import { bearerToken } from '../auth/require-role.js';
import { domainError, type DomainError } from '../errors/codes.js';
import { fail, ok } from '../errors/result.js';
import { engineMessage, sendVolatileFrames, textFrame } from './frame-fan-out.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** socket.io's packet encoder (socket.io-parser), as far as a broadcast needs it */
interface PacketEncoder {
  encode(packet: { type: number; nsp: string; data: unknown[] }): unknown[];
}
/** socket.io-parser's packet type of an event */
const EVENT_PACKET = 2;

export interface LiveHubOptions {
  services: () => string[];
  snapshot: (services: string[]) => Snapshot;
  /**
   * Accept (null) or refuse a connection from the token in its handshake (`auth: { token }`,
   * or an `Authorization: Bearer` header) and its request (for the client address); the
   * refusal reaches the client as the connect_error's `data`.
   */
  authorize?: (token: string | null, request: IncomingMessage) => Promise<DomainError | null>;
  /**
   * Several instances: the adapter that carries messages between them. Clients are still
   * served by their own instance only: each instance pushes what reaches it to its clients.
   */
  adapter?: ServerOptions['adapter'];
}

function handshakeToken(handshake: Socket['handshake']): string | null {
  const given: unknown = handshake.auth?.token;
  if (typeof given === 'string' && given !== '') return given;
  return bearerToken(handshake.headers.authorization);
}

const room = (service: string): string => `svc:${service}`;
const ALL = 'all';
// one room per distinct set of services followed, named by the set, so a tick is one broadcast per set
const SELECTION = 'sel:';
const selectionRoom = (services: readonly string[]): string => `${SELECTION}${JSON.stringify([...new Set(services)].sort())}`;

/** Batches of the same drill joined, in order: what socket.io can send without dropping any. */
function oneBatchPerDrill(batches: readonly TickBatch[]): TickBatch[] {
  const byDrill = new Map<string, Tick[]>();
  for (const { drillId, ticks } of batches) byDrill.set(drillId, [...(byDrill.get(drillId) ?? []), ...ticks]);
  return [...byDrill].map(([drillId, ticks]) => ({ drillId, ticks }));
}

/**
 * The snapshot for a client that draws no charts (the public status page): the latest tick
 * per service instead of the full history, so thousands of reloads during a surge stay cheap.
 */
export function latestTicksOnly(snapshot: Snapshot): Snapshot {
  const history = Object.fromEntries(Object.entries(snapshot.history).map(([service, ticks]) => [service, ticks.slice(-1)]));
  return { ...snapshot, history };
}

export class LiveHub {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents>;
  private pending: DrillOutput[] = [];

  constructor(http: HttpServer, private readonly opts: LiveHubOptions) {
    this.io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
      serveClient: false,
      // the dashboard is served from the same origin; other origins may read as the status API allows
      cors: { origin: '*' },
      pingInterval: 10_000,
      pingTimeout: 10_000,
      ...(opts.adapter ? { adapter: opts.adapter } : {}),
    });
    if (opts.authorize) {
      const authorize = opts.authorize;
      this.io.use((socket, next) => {
        authorize(handshakeToken(socket.handshake), socket.request).then(
          (refusal) => next(refusal ? Object.assign(new Error(refusal.message), { data: refusal }) : undefined),
          () => {
            const unavailable = domainError('auth.unavailable', undefined);
            next(Object.assign(new Error(unavailable.message), { data: unavailable }));
          },
        );
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
        ack(fail(domainError('live.subscribe', undefined)));
        return;
      }
      const unknown = wanted.filter((s) => !known.includes(s));
      if (unknown.length > 0) {
        ack(fail(domainError('live.service', { unknown, known })));
        return;
      }
      for (const r of socket.rooms) if (r !== socket.id) void socket.leave(r);
      void socket.join([ALL, selectionRoom(wanted), ...wanted.map(room)]);
      const snapshot = this.opts.snapshot(wanted);
      ack(ok(req.history === false ? latestTicksOnly(snapshot) : snapshot));
    });
  }

  /**
   * Push an output to this instance's clients (each instance pushes what reaches it). Outputs
   * that arrive together (an instance following a drill gets the driver's in bursts) go out
   * in the same turn, each its own tick batch to a client written to directly; a client that
   * only socket.io reaches gets them as one batch, since socket.io drops a volatile batch
   * right behind another.
   */
  publish(out: DrillOutput): void {
    if (this.pending.length === 0) setImmediate(() => this.flush());
    this.pending.push(out);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const outputs = this.pending;
    this.pending = [];
    const withTicks = outputs.filter((out) => out.ticks.length > 0);
    if (withTicks.length > 0) {
      for (const name of this.io.sockets.adapter.rooms.keys()) {
        if (!name.startsWith(SELECTION)) continue;
        const followed: string[] = JSON.parse(name.slice(SELECTION.length));
        const batches = withTicks
          .map((out) => ({ drillId: out.drillId, ticks: out.ticks.filter((t) => followed.includes(t.service)) }))
          .filter((batch) => batch.ticks.length > 0);
        if (batches.length > 0) this.broadcastTicks(name, batches);
      }
    }
    for (const out of outputs) {
      for (const event of out.events) this.io.local.to(room(event.service)).emit('drill:event', { ...event, drillId: out.drillId });
      for (const notice of out.notices) this.publishNotice(notice, out.drillId);
    }
  }

  /** One selection room's tick batches: each encoded once, as one frame for every client written to directly. */
  private broadcastTicks(name: string, batches: readonly TickBatch[]): void {
    const encoder = this.io.encoder as PacketEncoder;
    const messages = batches.map((batch) => engineMessage(encoder.encode({ type: EVENT_PACKET, nsp: this.io.sockets.name, data: ['drill:tick', batch] })));
    const members = this.io.sockets.adapter.rooms.get(name);
    const frames = messages.every((m): m is string => m !== null) ? messages.map(textFrame) : null;
    const viaSocketIo: string[] = [];
    for (const id of members ?? []) {
      const socket = this.io.sockets.sockets.get(id);
      if (socket && (!frames || sendVolatileFrames(socket, frames).via === 'socket.io')) viaSocketIo.push(id);
    }
    if (viaSocketIo.length === 0) return;
    for (const batch of oneBatchPerDrill(batches)) this.io.local.to(viaSocketIo).volatile.emit('drill:tick', batch);
  }

  publishNotice(notice: Notice, drillId: string | null): void {
    this.io.local.to(room(notice.service)).emit('notice:published', { ...notice, drillId });
  }

  publishCorrection(notice: Notice, drillId: string | null): void {
    // after the outputs before it, as they happened
    this.flush();
    this.io.local.to(room(notice.service)).emit('notice:updated', { ...notice, drillId });
  }

  publishStatus(drill: DrillDto): void {
    this.flush();
    this.io.local.to(ALL).emit('drill:status', drill);
  }

  clientCount(): number {
    return this.io.engine.clientsCount;
  }

  /** Disconnect every client; the HTTP server itself is closed by its owner (Fastify). */
  close(): void {
    this.io.local.disconnectSockets(true);
    this.io.engine.close();
    // several instances: stops the adapter listening to the others
    void this.io.sockets.adapter.close();
  }
}
