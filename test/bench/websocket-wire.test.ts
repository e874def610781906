import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { maskedTextFrame, upgradeRefusal, WireReader } from '../../bench/lib/websocket-wire.js';

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
/** RFC 6455 §1.3's worked example */
const ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';
const HEAD = `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${ACCEPT}`;

/** a server's (unmasked) frame */
function serverFrame(payload: string, { opcode = 0x1, fin = true } = {}): Buffer {
  const body = Buffer.from(payload);
  const header = body.length < 126 ? Buffer.from([0, body.length]) : Buffer.from([0, 126, body.length >> 8, body.length & 0xff]);
  header[0] = (fin ? 0x80 : 0) | opcode;
  return Buffer.concat([header, body]);
}

function reading() {
  const seen = { heads: [] as string[], texts: [] as string[], replies: [] as Buffer[], closed: 0 };
  const reader = new WireReader({
    upgraded: (head) => seen.heads.push(head),
    text: (message) => seen.texts.push(message),
    reply: (frame) => seen.replies.push(frame),
    closed: () => seen.closed++,
  });
  /** each chunk through one reused read buffer, as the bench's clients read */
  const feed = (...chunks: Buffer[]): (string | null)[] => {
    const shared = Buffer.alloc(64 * 1024);
    return chunks.map((chunk) => {
      chunk.copy(shared);
      const problem = reader.feed(shared, chunk.length);
      shared.fill(0xff);
      return problem;
    });
  };
  return { seen, feed };
}

function unmask(frame: Buffer): string {
  const length = frame[1]! & 0x7f;
  const mask = frame.subarray(2, 6);
  return Buffer.from(frame.subarray(6, 6 + length).map((b, i) => b ^ mask[i & 3]!)).toString('utf8');
}

describe('the upgrade', () => {
  test('is accepted with the answer RFC 6455 gives for the key', () => {
    expect(createHash('sha1').update(`${KEY}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64')).toBe(ACCEPT);
    expect(upgradeRefusal(HEAD, KEY)).toBeNull();
  });

  test('is refused with what was wrong', () => {
    expect(upgradeRefusal('HTTP/1.1 400 Bad Request', KEY)).toMatch(/answered the upgrade with "HTTP\/1.1 400 Bad Request"/);
    expect(upgradeRefusal(HEAD.replace(ACCEPT, 'wrong='), KEY)).toMatch(/Sec-WebSocket-Accept is wrong=/);
    expect(upgradeRefusal(`${HEAD}\r\nSec-WebSocket-Extensions: permessage-deflate`, KEY)).toMatch(/extension/);
  });
});

describe('the reader', () => {
  const stream = Buffer.concat([Buffer.from(`${HEAD}\r\n\r\n`), serverFrame('0{"sid":"a"}'), serverFrame('x'.repeat(1300)), serverFrame('2')]);

  test('hands over every message whichever way the stream is cut into reads', () => {
    for (let cut = 1; cut < stream.length; cut += 7) {
      const { seen, feed } = reading();
      expect(feed(stream.subarray(0, cut), stream.subarray(cut))).toEqual([null, null]);
      expect(seen.heads).toEqual([HEAD]);
      expect(seen.texts).toEqual(['0{"sid":"a"}', 'x'.repeat(1300), '2']);
    }
  });

  test('joins a fragmented message and answers a ping in between', () => {
    const { seen, feed } = reading();
    feed(
      Buffer.from(`${HEAD}\r\n\r\n`),
      Buffer.concat([serverFrame('42["a",', { fin: false }), serverFrame('hi', { opcode: 0x9 })]),
      serverFrame('1]', { opcode: 0x0 }),
    );
    expect(seen.texts).toEqual(['42["a",1]']);
    expect(seen.replies).toHaveLength(1);
    expect(seen.replies[0]![0]).toBe(0x8a);
    expect(unmask(seen.replies[0]!)).toBe('hi');
  });

  test('reports a close', () => {
    const { seen, feed } = reading();
    feed(Buffer.from(`${HEAD}\r\n\r\n`), serverFrame('', { opcode: 0x8 }));
    expect(seen.closed).toBe(1);
  });

  test('says what is wrong with a stream it cannot read', () => {
    const masked = serverFrame('x');
    masked[1] = masked[1]! | 0x80;
    const reserved = serverFrame('x');
    reserved[0] = reserved[0]! | 0x40;
    expect(reading().feed(Buffer.from(`${HEAD}\r\n\r\n`), masked)[1]).toMatch(/masked a frame/);
    expect(reading().feed(Buffer.from(`${HEAD}\r\n\r\n`), reserved)[1]).toMatch(/reserved bits/);
    expect(reading().feed(Buffer.from(`${HEAD}\r\n\r\n`), serverFrame('1]', { opcode: 0x0 }))[1]).toMatch(/outside a fragmented message/);
    expect(reading().feed(Buffer.from(`${HEAD}\r\n\r\n`), serverFrame('x', { opcode: 0x2 }))[1]).toMatch(/binary/);
  });
});

test('a client frame is masked text', () => {
  const frame = maskedTextFrame('420["subscribe"]');
  expect(frame[0]).toBe(0x81);
  expect(frame[1]! & 0x80).toBe(0x80);
  expect(unmask(frame)).toBe('420["subscribe"]');
});
