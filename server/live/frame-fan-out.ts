/**
 * A tick batch for thousands of clients: encoded once as one WebSocket frame and written to
 * each client's TCP socket as it is. socket.io's broadcast already encodes once, but per
 * client it still goes through the adapter's room walk, engine.io's packet queue (a packet
 * object, four events, a callback on the next turn) and ws's sender (the frame's header and
 * body corked into a writev); profiled at 2,500 clients per instance that was about a third
 * of the instance's CPU for a tick, the rest being the system call itself. With two cores
 * shared by the instances and the clients, that CPU is what the last client waits for.
 *
 * Only a client on an open WebSocket (no compression negotiated, no upgrade under way) whose
 * engine.io queue is empty takes this path; the rest go through socket.io as before, so nothing
 * is reordered. Ticks are volatile as in socket.io: a client whose last write has not left is
 * skipped, never queued behind. The path reads engine.io's send queue and ws's socket, which
 * neither types; frame-fan-out.test.ts fails if an upgrade moves them.
 */
import type { Socket } from 'socket.io';

/** the TCP socket under a client's WebSocket, as far as this module needs it */
interface RawSocket {
  writable: boolean;
  writableLength: number;
  write(chunk: Buffer): boolean;
}

/** engine.io's connection as seen here: its transport and send queue are not in its typings */
interface EngineView {
  readyState: string;
  upgrading: boolean;
  writeBuffer?: unknown[];
  transport: { name: string; writable: boolean; socket?: { readyState?: number; extensions?: string; _socket?: Partial<RawSocket> } };
}

/** the WebSocket readyState of an open connection (ws's `WebSocket.OPEN`) */
const WS_OPEN = 1;

/** The unmasked text frame a server sends (RFC 6455 §5.2) for one Engine.IO message. */
export function textFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  // FIN and the text opcode
  frame[0] = 0x81;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(text, header, 'utf8');
  return frame;
}

/**
 * The Engine.IO message carrying one socket.io packet that the server's encoder made into a
 * single string (`4` is Engine.IO's message type); null when it made anything else
 * (binary attachments), which only socket.io itself can send.
 */
export function engineMessage(encoded: readonly unknown[]): string | null {
  const [only] = encoded;
  return encoded.length === 1 && typeof only === 'string' ? `4${only}` : null;
}

/** The TCP socket a frame can be written to directly, or null when only socket.io can reach the client. */
function rawSocketOf(socket: Socket): RawSocket | null {
  const conn = socket.conn as unknown as EngineView;
  const transport = conn.transport;
  if (conn.readyState !== 'open' || conn.upgrading || transport.name !== 'websocket') return null;
  // something socket.io queued goes first; it would be overtaken otherwise
  if (!Array.isArray(conn.writeBuffer) || conn.writeBuffer.length > 0) return null;
  const ws = transport.socket;
  const raw = ws?._socket;
  if (ws?.readyState !== WS_OPEN || !raw || typeof raw.write !== 'function' || typeof raw.writableLength !== 'number') return null;
  // with compression ws may hold a message while it deflates it; a frame written past it would overtake it
  if (ws.extensions !== '') return null;
  return raw as RawSocket;
}

/**
 * Write volatile frames to one client, in order: 'socket.io' (nothing written) when the client
 * can only be reached through socket.io; otherwise each frame is written unless the client's
 * last write is still waiting to leave (socket.io's volatile rule: a slow client misses ticks
 * rather than queueing them). A write the kernel takes at once leaves nothing waiting, so
 * frames back to back all go, where socket.io would drop every one after the first.
 */
export function sendVolatileFrames(socket: Socket, frames: readonly Buffer[]): { via: 'direct'; written: number } | { via: 'socket.io' } {
  const raw = rawSocketOf(socket);
  if (!raw) return { via: 'socket.io' };
  let written = 0;
  for (const frame of frames) {
    if (!raw.writable || raw.writableLength > 0 || !(socket.conn.transport as { writable: boolean }).writable) continue;
    raw.write(frame);
    written++;
  }
  return { via: 'direct', written };
}
