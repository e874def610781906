/**
 * A socket.io client written by hand over a raw TCP socket, so a test can make it stop
 * reading: it speaks just enough engine.io (v4) over WebSocket to connect and subscribe.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';

/** A masked WebSocket text frame, as a client must send. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const mask = randomBytes(4);
  const length = payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const masked = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from([0x81]), length, mask, masked]);
}

export interface StalledClient {
  /** ask for the snapshot again, `times` times, without reading any of the answers */
  resubscribe(times: number): void;
  close(): void;
}

/** Connects, subscribes to every service, waits for the acknowledgement, then never reads again. */
export async function stalledClient(port: number): Promise<StalledClient> {
  const socket: Socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let seen = '';
  const waitFor = (text: string): Promise<void> =>
    new Promise((resolve) => {
      const check = (chunk?: Buffer): void => {
        if (chunk) seen += chunk.toString('latin1');
        if (!seen.includes(text)) return;
        socket.off('data', check);
        resolve();
      };
      socket.on('data', check);
      check();
    });
  socket.write(
    `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await waitFor('"sid"');
  socket.write(textFrame('40'));
  socket.write(textFrame('420["subscribe",{"services":"*"}]'));
  await waitFor('430[');
  socket.pause();
  return {
    resubscribe(times) {
      for (let i = 1; i <= times; i++) socket.write(textFrame(`42${i}["subscribe",{"services":"*"}]`));
    },
    close: () => socket.destroy(),
  };
}
