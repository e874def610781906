/**
 * The socket.io link shared by both pages: connect, subscribe with an acknowledgement (the
 * snapshot), forward pushes, and report connection signals. socket.io reconnects by itself;
 * every (re)connect subscribes again, and the fresh snapshot replaces the buffers. Pushes
 * that arrive before the acknowledgement are held and applied after the snapshot.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot, SubscribeRequest } from '../../../server/contracts.js';
import type { ConnectionSignal } from './connection-state.js';
import { createPushGate } from './push-gate.js';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const SUBSCRIBE_TIMEOUT_MS = 10_000;
const RECONNECT_DELAY_MAX_MS = 10_000;

export interface LiveHandlers {
  snapshot(snapshot: Snapshot): void;
  connection(signal: ConnectionSignal): void;
  push: Partial<ServerToClientEvents>;
}

export interface LiveLink {
  close(): void;
}

export function openLiveLink(handlers: LiveHandlers, request: SubscribeRequest = { services: '*' }, url?: string): LiveLink {
  const options = { reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: RECONNECT_DELAY_MAX_MS };
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
      handlers.snapshot(response.data);
      handlers.connection('subscribed');
      gate.release();
    });
  });
  socket.on('connect_error', () => handlers.connection('connect-failed'));
  socket.on('disconnect', (reason) => {
    handlers.connection('disconnected');
    // socket.io does not retry by itself after a server-side disconnect.
    if (reason === 'io server disconnect') socket.connect();
  });

  return {
    close() {
      socket.close();
    },
  };
}
