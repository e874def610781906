/**
 * The socket.io link shared by both pages: connect, subscribe with an acknowledgement (the
 * snapshot), forward pushes, and report connection signals. socket.io reconnects by itself;
 * every (re)connect subscribes again, and the fresh snapshot replaces the buffers.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot, SubscribeRequest } from '../../../server/contracts.js';
import type { ConnectionSignal } from './connection-state.js';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const SUBSCRIBE_TIMEOUT_MS = 10_000;

export interface LiveHandlers {
  snapshot(snapshot: Snapshot): void;
  connection(signal: ConnectionSignal): void;
  /** binds the push events the page wants; called once */
  bind(socket: LiveSocket): void;
}

export interface LiveLink {
  close(): void;
}

export function openLiveLink(handlers: LiveHandlers, request: SubscribeRequest = { services: '*' }, url?: string): LiveLink {
  const options = { reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 10_000 };
  const socket: LiveSocket = url === undefined ? io(options) : io(url, options);

  socket.on('connect', () => {
    socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit('subscribe', request, (err, response) => {
      if (err || !response.ok) {
        handlers.connection('connect-failed');
        // A refused or lost subscription leaves a connected socket that receives nothing: start over.
        socket.disconnect();
        setTimeout(() => socket.connect(), options.reconnectionDelayMax);
        return;
      }
      handlers.snapshot(response.data);
      handlers.connection('subscribed');
    });
  });
  socket.on('connect_error', () => handlers.connection('connect-failed'));
  socket.on('disconnect', (reason) => {
    handlers.connection('disconnected');
    // socket.io does not retry by itself after a server-side disconnect.
    if (reason === 'io server disconnect') socket.connect();
  });
  handlers.bind(socket);

  return {
    close() {
      socket.close();
    },
  };
}
