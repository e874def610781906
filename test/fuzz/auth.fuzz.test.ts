/**
 * Random credentials against a server with private reads: Authorization headers, tokens in
 * the query string, bodies, and socket.io handshake payloads. Never a 5xx, never an answer
 * or a live connection without a valid token; and random subscribe requests on a connected
 * socket, each answered with an acknowledgement. The handshake and subscribe get 10,000
 * cases each at scale 1: handshake payloads are sent as repeated CONNECT packets over one
 * Engine.IO connection (a few hundred real connections cover the Authorization header).
 */
import fc from 'fast-check';
import { io, Manager, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server/fixtures.js';
import type { Ack, Snapshot } from '../../server/contracts.js';
import { cases, FUZZ_TIMEOUT_MS } from './fuzz-run.js';

let server: TestServer;
let url: string;

beforeAll(async () => {
  // a limit nobody reaches here, so every guess goes all the way to the token check
  server = await createTestServer({ publicRead: false, authFailures: { maxFailures: 1_000_000, windowMs: 60_000 } });
  url = await server.listen();
});
afterAll(async () => server.close());

const ROUTES = [
  ['GET', '/api/v1/plan'],
  ['GET', '/api/v1/plan/source'],
  ['GET', '/api/v1/drills'],
  ['GET', '/api/v2/summary.json'],
  ['GET', '/history.atom'],
  ['GET', '/api/v1/tokens'],
  ['GET', '/api/v1/audit'],
  ['POST', '/api/v1/tokens'],
  ['POST', '/api/v1/webhooks'],
  ['POST', '/api/v1/drills'],
  ['POST', '/api/v1/notices'],
  ['POST', '/api/v1/metrics'],
] as const;

const text = fc.string({ unit: 'grapheme-ascii', maxLength: 80 });
const tokenish = fc.oneof(
  text,
  fc.constantFrom('ingest', 'operator', 'admin').chain((role) => fc.base64String({ maxLength: 60 }).map((s) => `fc_${role}_${s}`)),
  // a real token with one character changed
  fc.tuple(fc.constantFrom('ingest', 'operator', 'admin' as const), fc.nat(), fc.constantFrom('A', 'b', '0', '-', '_')).map(([role, at, c]) => {
    const token = server.tokens[role];
    const i = 9 + (at % (token.length - 9));
    const next = token[i] === c ? (c === 'A' ? 'B' : 'A') : c;
    return `${token.slice(0, i)}${next}${token.slice(i + 1)}`;
  }),
);
const authorization = fc.oneof(
  fc.constant(undefined),
  text,
  tokenish.map((t) => `Bearer ${t}`),
  tokenish.map((t) => `bearer  ${t}`),
  fc.constantFrom('ingest', 'operator', 'admin' as const).map((role) => `Basic ${server.tokens[role]}`),
  fc.constantFrom('ingest', 'operator', 'admin' as const).map((role) => `Bearer ${server.tokens[role]} extra`),
);
const query = fc.option(fc.tuple(fc.constantFrom('token', 'access_token', 'auth'), fc.oneof(tokenish, fc.constantFrom('ingest', 'operator', 'admin' as const).map((r) => server.tokens[r]))));
const body = fc.oneof(fc.constant(undefined), fc.json({ maxDepth: 2 }), text);

describe('auth fuzz', () => {
  it('HTTP: no 5xx and no access without a valid token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), authorization, query, body, async ([method, path], auth, q, payload) => {
        const target = q ? `${path}?${q[0]}=${encodeURIComponent(q[1])}` : path;
        const headers: Record<string, string> = {};
        if (auth !== undefined) headers.authorization = auth;
        if (payload !== undefined) headers['content-type'] = 'application/json';
        const res = await server.app.inject({ method, url: target, headers, ...(payload !== undefined && method === 'POST' ? { payload } : {}) });
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect([401, 429], `${method} ${target} with ${auth}`).toContain(res.statusCode);
      }),
      cases(300),
    );
  });

  const payload = fc.oneof(
    fc.record({ token: fc.oneof(tokenish, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 2 }), fc.object({ maxDepth: 1 })) }),
    fc.object({ maxDepth: 2 }),
  );

  it('socket.io: every random handshake payload is refused', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    // the server drops an Engine.IO connection that joins no namespace within 45 s, so a
    // long run (a high FUZZ_SCALE) opens a fresh one now and then
    let manager: Manager | null = null;
    let socket: Socket | null = null;
    let sent = 0;
    try {
      await fc.assert(
        fc.asyncProperty(payload, async (auth) => {
          if (!socket || sent++ % 2000 === 0) {
            socket?.close();
            manager = new Manager(url, { transports: ['websocket'], reconnection: false, forceNew: true });
            socket = manager.socket('/');
          }
          const current = socket;
          current.auth = auth;
          const outcome = await new Promise<string>((resolve) => {
            current.once('connect', () => resolve('connected'));
            current.once('connect_error', (err) => resolve((err as Error & { data?: { code?: string } }).data?.code ?? err.message));
            current.connect();
          });
          current.removeAllListeners();
          expect(['auth.missing-token', 'auth.invalid-token'], JSON.stringify(auth)).toContain(outcome);
        }),
        cases(),
      );
    } finally {
      (socket as Socket | null)?.close();
    }
  });

  it('socket.io: random subscribe requests on a live connection are each acknowledged, never a crash', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: server.tokens.admin } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const services = fc.oneof(fc.constant('*'), fc.array(fc.oneof(fc.constantFrom('messaging', 'meetings', 'docs', '__proto__', 'constructor', '*'), text), { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }));
    const request = fc.oneof(
      fc.record({ services, history: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    try {
      await fc.assert(
        fc.asyncProperty(request, async (req) => {
          const ack = (await socket.timeout(5000).emitWithAck('subscribe', req)) as Ack<Snapshot>;
          if (!ack.ok) expect(ack.errors, JSON.stringify(req)).toEqual([{ code: expect.stringMatching(/^live\./), message: expect.any(String) }]);
        }),
        cases(),
      );
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('socket.io: random handshakes with Authorization headers are refused', async () => {
    await fc.assert(
      fc.asyncProperty(payload, fc.option(authorization.filter((a) => a !== undefined)), async (auth, header) => {
        const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth, ...(header ? { extraHeaders: { authorization: header } } : {}) });
        try {
          const outcome = await new Promise<string>((resolve) => {
            socket.on('connect', () => resolve('connected'));
            socket.on('connect_error', (err) => resolve((err as Error & { data?: { code?: string } }).data?.code ?? err.message));
          });
          expect(['auth.missing-token', 'auth.invalid-token']).toContain(outcome);
        } finally {
          socket.close();
        }
      }),
      cases(60),
    );
  });
});
