import Fastify, { type FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { AUTH_LOG_REDACT } from './redact.js';
import { auditActor, rateLimitKey, registerAuth, type AuditActor } from './require-role.js';
import type { TokenRole } from './roles.js';
import { createToken } from './tokens.js';

const NOW = Date.parse('2026-03-02T09:00:00Z');

interface Fixture {
  app: FastifyInstance;
  store: Store;
  tokens: Record<TokenRole, string>;
  logs: string[];
}

async function buildFixture(publicRead: boolean): Promise<Fixture> {
  const store = await openSqliteStore(':memory:');
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream, redact: AUTH_LOG_REDACT } });
  registerAuth(app, { store, publicRead, now: () => NOW });
  const actors: (AuditActor | null)[] = [];
  const reply = (route: string) => async (request: Parameters<typeof auditActor>[0]) => {
    request.log.info({ headers: request.headers }, 'handled');
    actors.push(auditActor(request));
    return { route, actor: auditActor(request), key: rateLimitKey(request) };
  };
  app.post('/metrics', { preHandler: app.requireRole('ingest') }, reply('ingest'));
  app.post('/drills', { preHandler: app.requireRole('operator') }, reply('operator'));
  app.post('/tokens', { preHandler: app.requireRole('admin') }, reply('admin'));
  app.get('/status', { preHandler: app.requireReader }, reply('read'));
  await app.ready();
  const tokens = {
    ingest: (await createToken(store, 'ingest', 'k6', NOW)).token,
    operator: (await createToken(store, 'operator', 'on-call', NOW)).token,
    admin: (await createToken(store, 'admin', 'root', NOW)).token,
  };
  return { app, store, tokens, logs };
}

const ROUTES: { url: string; need: TokenRole }[] = [
  { url: '/metrics', need: 'ingest' },
  { url: '/drills', need: 'operator' },
  { url: '/tokens', need: 'admin' },
];

// who may call which route: admin everything, the others only their own
const ALLOWED: Record<TokenRole, TokenRole[]> = {
  ingest: ['ingest', 'admin'],
  operator: ['operator', 'admin'],
  admin: ['admin'],
};

describe('role matrix on mutating routes', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await buildFixture(true);
  });
  afterEach(async () => {
    await f.app.close();
    await f.store.close();
  });

  describe.each(ROUTES)('POST $url (needs $need)', ({ url, need }) => {
    it('401 with a Bearer challenge and a hint without a token', async () => {
      const res = await f.app.inject({ method: 'POST', url });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="flashcrowd"');
      expect(res.json().error.code).toBe('auth.missing-token');
      expect(res.json().error.message).toContain(`flashcrowd token create --role ${need}`);
    });

    it('401 for a token in another scheme', async () => {
      const res = await f.app.inject({ method: 'POST', url, headers: { authorization: `Basic ${f.tokens.admin}` } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.missing-token');
    });

    it('401 invalid_token for an unknown token', async () => {
      const res = await f.app.inject({ method: 'POST', url, headers: { authorization: 'Bearer fc_admin_nottherealone' } });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
      expect(res.json().error.code).toBe('auth.invalid-token');
    });

    it.each(['ingest', 'operator', 'admin'] as const)('token of role %s', async (role) => {
      const res = await f.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${f.tokens[role]}` } });
      if (ALLOWED[need].includes(role)) {
        expect(res.statusCode).toBe(200);
        expect(res.json().actor).toEqual({ tokenId: expect.stringMatching(/^tok_/), role });
        expect(res.json().key).toMatch(/^token:tok_/);
      } else {
        expect(res.statusCode).toBe(403);
        expect(res.headers['www-authenticate']).toContain('error="insufficient_scope"');
        expect(res.json().error).toEqual({ code: 'auth.forbidden', message: expect.stringContaining(`has role ${role}`) });
      }
    });
  });

  it('accepts the scheme in any case', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/drills', headers: { authorization: `bearer ${f.tokens.operator}` } });
    expect(res.statusCode).toBe(200);
  });

  it('never writes a token to the log', async () => {
    await f.app.inject({ method: 'POST', url: '/drills', headers: { authorization: `Bearer ${f.tokens.operator}` } });
    await f.app.inject({ method: 'POST', url: '/drills', headers: { authorization: 'Bearer fc_operator_bogus' } });
    const all = f.logs.join('');
    expect(all).toContain('handled');
    expect(all).toContain('[redacted]');
    expect(all).not.toContain(f.tokens.operator);
    expect(all).not.toContain('fc_operator_bogus');
  });
});

describe('public reads', () => {
  it('need no token by default', async () => {
    const f = await buildFixture(true);
    const res = await f.app.inject({ method: 'GET', url: '/status' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ actor: null, key: expect.stringMatching(/^ip:/) });
    await f.app.close();
    await f.store.close();
  });

  it('need a valid token of any role when publicRead is false', async () => {
    const f = await buildFixture(false);
    expect((await f.app.inject({ method: 'GET', url: '/status' })).statusCode).toBe(401);
    expect((await f.app.inject({ method: 'GET', url: '/status', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    for (const role of ['ingest', 'operator', 'admin'] as const) {
      const res = await f.app.inject({ method: 'GET', url: '/status', headers: { authorization: `Bearer ${f.tokens[role]}` } });
      expect(res.statusCode).toBe(200);
    }
    await f.app.close();
    await f.store.close();
  });
});
