/**
 * The socket.io link shared by both pages: connect, subscribe with an acknowledgement (the
 * snapshot), forward pushes, and report connection signals. socket.io reconnects by itself;
 * every (re)connect subscribes again, and the fresh snapshot replaces the buffers. Pushes
 * that arrive before the acknowledgement are held and applied after the snapshot.
 *
 * The reader's token (token-store.ts) goes in every handshake. A server with private reads
 * refuses a handshake without a valid one; socket.io does not retry a refusal, so the link
 * tries again once the token has changed (or at once on `reconnect()`), never with the same
 * refused token, which would only count as another failed attempt.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, DomainError, ServerToClientEvents, Snapshot, SubscribeRequest } from '../../../server/contracts.js';
import type { ConnectionSignal } from './connection-state.js';
import { createPushGate } from './push-gate.js';
import { readToken } from '../operator/token-store.js';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const SUBSCRIBE_TIMEOUT_MS = 10_000;
const RECONNECT_DELAY_MAX_MS = 10_000;

export interface LiveHandlers {
  snapshot(snapshot: Snapshot): void;
  connection(signal: ConnectionSignal): void;
  push: Partial<ServerToClientEvents>;
  /** the server refused the handshake: no token, an unknown one, or too many attempts */
  refused?(refusal: LiveRefusal): void;
}

/** the server's refusal of the handshake: an `auth.*` domain error */
export type LiveRefusal = Pick<DomainError, 'code' | 'message'>;

export interface LiveLink {
  /** connect again now, with the token as it is now */
  reconnect(): void;
  close(): void;
}

const TOKEN_CHECK_MS = 1000;

/** the refusal a connect_error carries from the server's handshake check, or null for a network failure */
export function refusalOf(error: unknown): LiveRefusal | null {
  const data = (error as { data?: { code?: unknown; message?: unknown } } | null)?.data;
  if (typeof data?.code !== 'string' || !data.code.startsWith('auth.')) return null;
  const code = data.code as DomainError['code'];
  return { code, message: typeof data.message === 'string' ? data.message : code };
}

export function openLiveLink(handlers: LiveHandlers, request: SubscribeRequest = { services: '*' }, url?: string): LiveLink {
  const options = {
    reconnection: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
    auth: (send: (auth: { token?: string }) => void) => {
      const token = readToken();
      send(token === null ? {} : { token });
    },
  };
  const socket: LiveSocket = url === undefined ? io(options) : io(url, options);
  const gate = createPushGate();
  const { push } = handlers;
  if (push['drill:tick']) socket.on('drill:tick', gate.wrap(push['drill:tick']));
  if (push['drill:event']) socket.on('drill:event', gate.wrap(push['drill:event']));
  if (push['drill:status']) socket.on('drill:status', gate.wrap(push['drill:status']));
  if (push['notice:published']) socket.on('notice:published', gate.wrap(push['notice:published']));
  if (push['notice:updated']) socket.on('notice:updated', gate.wrap(push['notice:updated']));

  socket.on('connect', () => {
    gate.hold();
    socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit('subscribe', request, (err, response) => {
      if (err || !response.ok) {
        gate.drop();
        handlers.connection('connect-failed');
        // A refused or lost subscription leaves a connected socket that receives nothing: start over.
        socket.disconnect();
        setTimeout(() => socket.connect(), RECONNECT_DELAY_MAX_MS);
        return;
      }
      handlers.snapshot(response.value);
      handlers.connection('subscribed');
      gate.release();
    });
  });
  let refusedWith: string | null | undefined;
  const retryWhenTokenChanges = setInterval(() => {
    if (refusedWith !== undefined && readToken() !== refusedWith) reconnect();
  }, TOKEN_CHECK_MS);
  function reconnect(): void {
    refusedWith = undefined;
    socket.disconnect();
    socket.connect();
  }

  socket.on('connect_error', (error) => {
    handlers.connection('connect-failed');
    const refusal = refusalOf(error);
    if (refusal === null) return;
    refusedWith = readToken();
    handlers.refused?.(refusal);
  });
  socket.on('disconnect', (reason) => {
    handlers.connection('disconnected');
    // socket.io does not retry by itself after a server-side disconnect.
    if (reason === 'io server disconnect') socket.connect();
  });

  return {
    reconnect,
    close() {
      clearInterval(retryWhenTokenChanges);
      socket.close();
    },
  };
}
