/**
 * The client's side of RFC 6455 over a plain TCP socket, as far as a benchmark client needs
 * it: the opening handshake, masked text frames out, and a reader that cuts what the server
 * sends into whole messages. It exists so thousands of clients in one process can read every
 * message straight from one shared read buffer: ws's receiver copies each chunk into a
 * stream and each message into a fresh Buffer, which profiled at well over half of the
 * fan-out bench's client CPU, time the last client's arrival stamp waited for.
 */
import { createHash, randomBytes } from 'node:crypto';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE_CONTINUATION = 0x0;
const OPCODE_TEXT = 0x1;
const OPCODE_BINARY = 0x2;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;
/** a message the bench would never be sent; past it the stream is not what we think it is */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export function handshakeKey(): string {
  return randomBytes(16).toString('base64');
}

export function upgradeRequest(host: string, path: string, key: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`;
}

/** null when `head` (the response up to its blank line) accepts the upgrade asked with `key`, else why not */
export function upgradeRefusal(head: string, key: string): string | null {
  const [status = '', ...lines] = head.split('\r\n');
  if (!/^HTTP\/1\.1 101 /.test(status)) return `the server answered the upgrade with "${status.slice(0, 200)}"`;
  const accept = createHash('sha1').update(key + ACCEPT_GUID).digest('base64');
  const given = lines.find((line) => line.toLowerCase().startsWith('sec-websocket-accept:'))?.slice('sec-websocket-accept:'.length).trim();
  if (given !== accept) return `the upgrade's Sec-WebSocket-Accept is ${given ?? 'missing'}, not ${accept}`;
  if (lines.some((line) => line.toLowerCase().startsWith('sec-websocket-extensions:'))) return 'the server negotiated an extension the client did not offer';
  return null;
}

/** A client's frame (masked, as RFC 6455 §5.3 requires of every client frame). */
function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) {
    frame[1] = 0x80 | length;
  } else if (length < 65_536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomBytes(4);
  mask.copy(frame, header);
  for (let i = 0; i < length; i++) frame[header + 4 + i] = (payload[i] ?? 0) ^ (mask[i & 3] ?? 0);
  return frame;
}

export const maskedTextFrame = (text: string): Buffer => maskedFrame(OPCODE_TEXT, Buffer.from(text, 'utf8'));

/** what the reader hands its owner */
export interface WireEvents {
  upgraded(head: string): void;
  text(message: string): void;
  /** a ping's answer, to be written back */
  reply(frame: Buffer): void;
  closed(): void;
}

/**
 * Reads one connection: first the upgrade response, then frames. Bytes that do not yet make
 * a whole frame are kept (copied: the chunk given may be a read buffer reused for the next
 * socket); whole frames are decoded in place. A message in fragments is joined first.
 */
export class WireReader {
  private upgraded = false;
  private carry: Buffer | null = null;
  private fragments: Buffer[] | null = null;
  private fragmentBytes = 0;

  constructor(private readonly events: WireEvents) {}

  /** Take bytes [0, length) of `chunk`; returns what is wrong with the stream, or null. */
  feed(chunk: Buffer, length: number): string | null {
    let bytes = chunk;
    let end = length;
    if (this.carry) {
      bytes = Buffer.concat([this.carry, chunk.subarray(0, length)]);
      end = bytes.length;
      this.carry = null;
    }
    let at = 0;
    if (!this.upgraded) {
      const headEnd = bytes.subarray(0, end).indexOf(HEADER_END);
      if (headEnd < 0) {
        this.keep(bytes, 0, end);
        return end > 64 * 1024 ? 'the upgrade response has no end of headers in its first 64 KiB' : null;
      }
      this.upgraded = true;
      this.events.upgraded(bytes.toString('latin1', 0, headEnd));
      at = headEnd + HEADER_END.length;
    }
    while (at < end) {
      const frame = this.frameAt(bytes, at, end);
      if (typeof frame === 'string') return frame;
      if (frame === null) {
        this.keep(bytes, at, end);
        return null;
      }
      const problem = this.take(frame.opcode, frame.fin, bytes, frame.start, frame.end);
      if (problem) return problem;
      at = frame.end;
    }
    return null;
  }

  private keep(bytes: Buffer, from: number, end: number): void {
    this.carry = Buffer.from(bytes.subarray(from, end));
  }

  /** The frame starting at `at`: its payload's bounds, null if not all of it is here, or what is wrong. */
  private frameAt(bytes: Buffer, at: number, end: number): { opcode: number; fin: boolean; start: number; end: number } | string | null {
    if (end - at < 2) return null;
    const first = bytes[at] ?? 0;
    const second = bytes[at + 1] ?? 0;
    if ((first & 0x70) !== 0) return 'a frame has reserved bits set, and no extension was negotiated';
    if ((second & 0x80) !== 0) return 'the server masked a frame (RFC 6455 §5.1 forbids it)';
    let length = second & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (end - at < 4) return null;
      length = bytes.readUInt16BE(at + 2);
      start = at + 4;
    } else if (length === 127) {
      if (end - at < 10) return null;
      const long = bytes.readBigUInt64BE(at + 2);
      if (long > BigInt(MAX_MESSAGE_BYTES)) return `a frame of ${long} bytes, more than any message of this bench`;
      length = Number(long);
      start = at + 10;
    }
    if (length > MAX_MESSAGE_BYTES) return `a frame of ${length} bytes, more than any message of this bench`;
    if (end - start < length) return null;
    return { opcode: first & 0x0f, fin: (first & 0x80) !== 0, start, end: start + length };
  }

  private take(opcode: number, fin: boolean, bytes: Buffer, start: number, end: number): string | null {
    if (opcode === OPCODE_PING) {
      this.events.reply(maskedFrame(OPCODE_PONG, Buffer.from(bytes.subarray(start, end))));
      return null;
    }
    if (opcode === OPCODE_PONG) return null;
    if (opcode === OPCODE_CLOSE) {
      this.events.closed();
      return null;
    }
    if (opcode === OPCODE_BINARY) return 'the server sent a binary message; this client reads text only';
    if (opcode === OPCODE_TEXT && this.fragments === null) {
      if (fin) this.events.text(bytes.toString('utf8', start, end));
      else this.startFragments(bytes, start, end);
      return null;
    }
    if (opcode !== OPCODE_CONTINUATION || this.fragments === null) return `an unexpected frame (opcode ${opcode}) ${this.fragments ? 'inside' : 'outside'} a fragmented message`;
    this.fragments.push(Buffer.from(bytes.subarray(start, end)));
    this.fragmentBytes += end - start;
    if (this.fragmentBytes > MAX_MESSAGE_BYTES) return `a fragmented message past ${MAX_MESSAGE_BYTES} bytes`;
    if (fin) {
      const whole = Buffer.concat(this.fragments);
      this.fragments = null;
      this.events.text(whole.toString('utf8'));
    }
    return null;
  }

  private startFragments(bytes: Buffer, start: number, end: number): void {
    this.fragments = [Buffer.from(bytes.subarray(start, end))];
    this.fragmentBytes = end - start;
  }
}
