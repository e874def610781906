/**
 * Failed-auth throttling, the client address it is counted by, tokens kept out of the log,
 * and the plan file kept from anonymous readers.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestServer, test, type TestServer } from './fixtures.js';

const GUESS = { authorization: 'Bearer fc_admin_guessguessguessguess' };

async function withServer(options: Parameters<typeof createTestServer>[0], body: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await createTestServer(options);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

describe('failed authentication', () => {
  it('after N unknown tokens a client gets 429 with Retry-After, even with a valid token, and /metrics counts it', async () => {
    await withServer({ authFailures: { maxFailures: 3, windowMs: 60_000 } }, async (server) => {
      for (let i = 0; i < 3; i++) expect((await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: GUESS })).statusCode).toBe(401);
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: server.auth('admin') });
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('auth.throttled');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      const metrics = (await server.app.inject({ url: '/metrics' })).body;
      expect(metrics).toContain('flashcrowd_auth_denied_total{code="auth.throttled"} 1');
      expect(metrics).toContain('flashcrowd_auth_denied_total{code="auth.invalid-token"} 3');
    });
  });

  it('a missing token is not a failed guess', async () => {
    await withServer({ authFailures: { maxFailures: 1, windowMs: 60_000 } }, async (server) => {
      for (let i = 0; i < 3; i++) expect((await server.app.inject({ method: 'GET', url: '/api/v1/tokens' })).statusCode).toBe(401);
      expect((await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: server.auth('admin') })).statusCode).toBe(200);
    });
  });

  it('X-Forwarded-For is not believed by default, so varying it does not reset the count', async () => {
    await withServer({ authFailures: { maxFailures: 2, windowMs: 60_000 } }, async (server) => {
      for (let i = 0; i < 2; i++) await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { ...GUESS, 'x-forwarded-for': `203.0.113.${i}` } });
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { ...GUESS, 'x-forwarded-for': '203.0.113.99' } });
      expect(res.statusCode).toBe(429);
    });
  });

  it('with --trust-proxy, the forwarded address is the client', async () => {
    await withServer({ trustProxy: '127.0.0.1', authFailures: { maxFailures: 2, windowMs: 60_000 } }, async (server) => {
      for (let i = 0; i < 2; i++) await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { ...GUESS, 'x-forwarded-for': '203.0.113.1' } });
      expect((await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { ...GUESS, 'x-forwarded-for': '203.0.113.1' } })).statusCode).toBe(429);
      expect((await server.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { ...server.auth('admin'), 'x-forwarded-for': '203.0.113.2' } })).statusCode).toBe(200);
    });
  });

  it('the ingest rate limit is not dodged by varying X-Forwarded-For', async () => {
    await withServer({ limits: { ingestPerMinute: 2 } }, async (server) => {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const headers = { ...server.auth('ingest'), 'x-forwarded-for': `198.51.100.${i}` };
        codes.push((await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers, payload: { samples: [{ service: 'docs', timestamp: 0, rps: 1 }] } })).statusCode);
      }
      expect(codes).toEqual([202, 202, 429]);
    });
  });
});

describe('the log', () => {
  it('never holds a token, whether in a header or the query string', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await withServer({ logger: { level: 'info', stream } }, async (server) => {
      const token = server.tokens.admin;
      await server.app.inject({ url: `/api/v2/summary.json?token=${token}&lang=en` });
      await server.app.inject({ url: `/api/v1/tokens?access_token=${encodeURIComponent(token)}`, headers: server.auth('admin') });
      await server.app.inject({ url: `/nowhere/${token}` });
      const log = lines.join('');
      expect(log).toContain('summary.json?token=[redacted]&lang=en');
      expect(log).not.toContain(token.slice('fc_admin_'.length));
    });
  });
});

describe('the plan', () => {
  test('everyone gets the summary, without the file', async ({ server }) => {
    const res = await server.app.inject({ url: '/api/v1/plan' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: server.plan.name, services: expect.any(Array) });
    expect(res.json()).not.toHaveProperty('raw');
    expect(res.body).not.toContain('#');
  });

  test('the file as written goes to operators and admins only', async ({ server }) => {
    expect((await server.app.inject({ url: '/api/v1/plan/source' })).statusCode).toBe(401);
    expect((await server.app.inject({ url: '/api/v1/plan/source', headers: server.auth('ingest') })).statusCode).toBe(403);
    for (const role of ['operator', 'admin'] as const) {
      const res = await server.app.inject({ url: '/api/v1/plan/source', headers: server.auth(role) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ name: server.plan.name, raw: expect.stringContaining(`name: ${server.plan.name}`) });
    }
  });
});
