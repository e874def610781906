/**
 * Random credentials against a server with private reads: Authorization headers, tokens in
 * the query string, bodies, and socket.io handshake payloads. Never a 5xx, never an answer
 * or a live connection without a valid token.
 */
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server/fixtures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20200203);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

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
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('socket.io: every random handshake is refused', async () => {
    const payload = fc.oneof(
      fc.record({ token: fc.oneof(tokenish, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 2 }), fc.object({ maxDepth: 1 })) }),
      fc.object({ maxDepth: 2 }),
    );
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
      { seed: SEED, numRuns: runs(60) },
    );
  });
});
