import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { TokenRole } from '../../server/auth/roles.js';
import type { Notice } from '../../server/contracts.js';
import { encodeWriteRequest } from '../../server/ingest/remote-write.js';
import type { TestServer } from './fixtures.js';
import { test } from './fixtures.js';

type Caller = 'no token' | 'bad token' | TokenRole;
const CALLERS: readonly Caller[] = ['no token', 'bad token', 'ingest', 'operator', 'admin'];

const TEXT = { en: { title: 'Slow', body: 'Expect delays.' }, 'zh-CN': { title: '变慢', body: '可能延迟。' } };

async function postNotice(server: TestServer): Promise<Notice> {
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/notices', headers: server.auth('admin'), payload: { service: 'docs', stage: 'investigating', text: TEXT } });
  return res.json<Notice>();
}

/** Every route that changes something, and the admin reads; each builds its request against a fresh app. */
const ROUTES: { route: string; need: TokenRole; ok: number; request: (server: TestServer) => Promise<InjectOptions> }[] = [
  { route: 'POST /api/v1/drills', need: 'operator', ok: 201, request: async () => ({ method: 'POST', url: '/api/v1/drills', payload: { scenario: 'feb3', speed: 60, source: 'generated' } }) },
  { route: 'POST /api/v1/drills/:id/stop', need: 'operator', ok: 200, request: async (s) => ({ method: 'POST', url: `/api/v1/drills/${(await s.startDrill({})).id}/stop` }) },
  { route: 'POST /api/v1/drills/:id/scale', need: 'operator', ok: 202, request: async (s) => ({ method: 'POST', url: `/api/v1/drills/${(await s.startDrill({})).id}/scale`, payload: { service: 'docs', desired: 40 } }) },
  { route: 'POST /api/v1/notices', need: 'operator', ok: 201, request: async () => ({ method: 'POST', url: '/api/v1/notices', payload: { service: 'docs', stage: 'investigating', text: TEXT } }) },
  { route: 'PATCH /api/v1/notices/:id', need: 'operator', ok: 200, request: async (s) => ({ method: 'PATCH', url: `/api/v1/notices/${(await postNotice(s)).id}`, payload: { text: TEXT } }) },
  { route: 'POST /api/v1/incidents/:id/acknowledge', need: 'operator', ok: 201, request: async (s) => ({ method: 'POST', url: `/api/v1/incidents/${(await postNotice(s)).incidentId}/acknowledge` }) },
  { route: 'POST /api/v1/metrics', need: 'ingest', ok: 202, request: async () => ({ method: 'POST', url: '/api/v1/metrics', payload: { samples: [{ service: 'docs', timestamp: 0, rps: 1 }] } }) },
  {
    route: 'POST /api/v1/write',
    need: 'ingest',
    ok: 204,
    request: async () => ({
      method: 'POST',
      url: '/api/v1/write',
      headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'snappy' },
      payload: encodeWriteRequest({ timeseries: [] }),
    }),
  },
  { route: 'POST /api/v1/webhooks', need: 'admin', ok: 201, request: async () => ({ method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://example.com/h', eventTypes: ['incident.updated'] } }) },
  {
    route: 'DELETE /api/v1/webhooks/:id',
    need: 'admin',
    ok: 204,
    request: async (s) => {
      const sub = await s.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: s.auth('admin'), payload: { url: 'https://example.com/h', eventTypes: ['incident.updated'] } });
      return { method: 'DELETE', url: `/api/v1/webhooks/${sub.json<{ id: string }>().id}` };
    },
  },
  { route: 'POST /api/v1/tokens', need: 'admin', ok: 201, request: async () => ({ method: 'POST', url: '/api/v1/tokens', payload: { role: 'ingest', name: 'k6' } }) },
  {
    route: 'DELETE /api/v1/tokens/:id',
    need: 'admin',
    ok: 204,
    request: async (s) => {
      const token = await s.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: s.auth('admin'), payload: { role: 'ingest', name: 'k6' } });
      return { method: 'DELETE', url: `/api/v1/tokens/${token.json<{ tokenId: string }>().tokenId}` };
    },
  },
  { route: 'GET /api/v1/webhooks', need: 'admin', ok: 200, request: async () => ({ method: 'GET', url: '/api/v1/webhooks' }) },
  { route: 'GET /api/v1/tokens', need: 'admin', ok: 200, request: async () => ({ method: 'GET', url: '/api/v1/tokens' }) },
  { route: 'GET /api/v1/audit', need: 'admin', ok: 200, request: async () => ({ method: 'GET', url: '/api/v1/audit' }) },
  { route: 'GET /api/v1/plan/source', need: 'operator', ok: 200, request: async () => ({ method: 'GET', url: '/api/v1/plan/source' }) },
];

// admin may do everything; ingest and operator are separate duties
const ALLOWED: Record<TokenRole, readonly TokenRole[]> = { ingest: ['ingest', 'admin'], operator: ['operator', 'admin'], admin: ['admin'] };

function expected(need: TokenRole, ok: number, caller: Caller): number {
  if (caller === 'no token' || caller === 'bad token') return 401;
  return ALLOWED[need].includes(caller) ? ok : 403;
}

function authorization(server: TestServer, caller: Caller): Record<string, string> {
  if (caller === 'no token') return {};
  if (caller === 'bad token') return { authorization: `Bearer fc_admin_${'A'.repeat(43)}` };
  return server.auth(caller);
}

const TABLE = ROUTES.flatMap(({ route, need, ok, request }) =>
  CALLERS.map((caller) => ({ route, caller, status: expected(need, ok, caller), request })),
);

test.for(TABLE)('$route as $caller answers $status', async ({ caller, status, request }, { server }) => {
  const req = await request(server);
  const res = await server.app.inject({ ...req, headers: { ...(req.headers as Record<string, string> | undefined), ...authorization(server, caller) } });
  expect(res.statusCode, res.body).toBe(status);
  if (status === 401) {
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="flashcrowd"/);
    expect(res.json().error.code).toBe(caller === 'no token' ? 'auth.missing-token' : 'auth.invalid-token');
  }
  if (status === 403) expect(res.json().error.code).toBe('auth.forbidden');
});

// the body a route expects is nobody's business until they are authenticated
const MALFORMED: { name: string; headers: Record<string, string>; payload: string }[] = [
  { name: 'an unknown property', headers: { 'content-type': 'application/json' }, payload: '{"bogus":1}' },
  { name: 'broken JSON', headers: { 'content-type': 'application/json' }, payload: '{"role":' },
  { name: 'an unsupported media type', headers: { 'content-type': 'text/plain' }, payload: 'hello' },
];
const GUARDED_BODIES = ROUTES.filter(({ route }) => !route.startsWith('GET') && !route.startsWith('DELETE')).flatMap(({ route, request }) =>
  (['no token', 'bad token'] as const).flatMap((caller) => MALFORMED.map((body) => ({ route, caller, body, request }))),
);

test.for(GUARDED_BODIES)('$route as $caller with $body.name answers 401, not a schema error', async ({ caller, body, request }, { server }) => {
  const req = await request(server);
  const res = await server.app.inject({ method: req.method, url: req.url, headers: { ...body.headers, ...authorization(server, caller) }, payload: body.payload });
  expect(res.statusCode, res.body).toBe(401);
  expect(res.json().error.code).toBe(caller === 'no token' ? 'auth.missing-token' : 'auth.invalid-token');
  expect(res.body).not.toMatch(/body\.|validation/);
});
