import { describe, expect } from 'vitest';
import type { AuditEntry } from '../../server/store/audit-log.js';
import { test } from './fixtures.js';

const SECRET = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;

describe('webhook subscriptions', () => {
  test('subscribe shows the secret once; list hides it; delete, then 404', async ({ server }) => {
    const admin = server.auth('admin');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin, payload: { url: 'https://hooks.example.com/status', eventTypes: ['incident.updated'] } });
    expect(res.statusCode).toBe(201);
    const sub = res.json<{ id: string; secret: string }>();
    expect(sub).toMatchObject({ url: 'https://hooks.example.com/status', eventTypes: ['incident.updated'], secret: expect.stringMatching(/^whsec_/) });
    const own = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: admin, payload: { url: 'http://hooks.example.net:8080/h', eventTypes: ['component.updated', 'incident.updated'], secret: SECRET } });
    expect(own.json<{ secret: string }>().secret).toBe(SECRET);

    const listed = (await server.app.inject({ url: '/api/v1/webhooks', headers: admin })).json<{ webhooks: object[] }>().webhooks;
    expect(listed).toHaveLength(2);
    for (const w of listed) expect(w).not.toHaveProperty('secret');

    const remove = () => server.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${sub.id}`, headers: admin });
    expect((await remove()).statusCode).toBe(204);
    expect((await remove()).statusCode).toBe(404);
  });

  test.for([
    [{ url: 'not a url', eventTypes: ['incident.updated'] }, 'body.url'],
    [{ url: 'ftp://example.com/x', eventTypes: ['incident.updated'] }, 'body.url'],
    [{ url: 'https://example.com/x', eventTypes: [] }, 'body.eventTypes'],
    [{ url: 'https://example.com/x', eventTypes: ['drill.exploded'] }, 'body.eventTypes.0'],
    [{ url: 'https://example.com/x', eventTypes: ['incident.updated'], secret: 'hunter2' }, 'body.secret'],
    [{ url: 'https://example.com/x' }, 'body.eventTypes'],
  ] as const)('refuses %j with 400 naming %s', async ([payload, field], { server }) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: server.auth('admin'), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });
});

describe('API tokens', () => {
  test('a created token works at once, is listed without its hash, and stops working once revoked', async ({ server }) => {
    const admin = server.auth('admin');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: admin, payload: { role: 'ingest', name: 'k6 in CI' } });
    expect(res.statusCode).toBe(201);
    const created = res.json<{ tokenId: string; token: string; role: string }>();
    expect(created.token).toMatch(/^fc_ingest_/);
    const ingest = () => server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: { authorization: `Bearer ${created.token}` }, payload: { samples: [] } });
    expect((await ingest()).statusCode).toBe(202);

    const tokens = (await server.app.inject({ url: '/api/v1/tokens', headers: admin })).json<{ tokens: object[] }>().tokens;
    expect(tokens).toContainEqual(expect.objectContaining({ id: created.tokenId, role: 'ingest', name: 'k6 in CI' }));
    for (const t of tokens) expect(t).not.toHaveProperty('hash');
    expect(JSON.stringify(tokens)).not.toContain(created.token);

    const revoke = () => server.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.tokenId}`, headers: admin });
    expect((await revoke()).statusCode).toBe(204);
    expect((await ingest()).statusCode).toBe(401);
    expect((await revoke()).statusCode).toBe(404);
  });

  test.for([
    [{ role: 'root', name: 'x' }, 'body.role'],
    [{ role: 'admin', name: '' }, 'body.name'],
    [{ role: 'admin' }, 'body.name'],
  ] as const)('refuses %j with 400 naming %s', async ([payload, field], { server }) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: server.auth('admin'), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });
});

describe('the audit log', () => {
  test('records every change with who made it, newest first, paged', async ({ server }) => {
    const drill = await server.startDrill({});
    await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/stop`, headers: server.auth('operator') });
    await server.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: server.auth('admin'), payload: { role: 'operator', name: 'night shift' } });
    const page = (q: string) => server.app.inject({ url: `/api/v1/audit${q}`, headers: server.auth('admin') });
    const entries = (await page('')).json<{ entries: AuditEntry[] }>().entries;
    expect(entries.map((e) => e.action)).toEqual(['token.create', 'drill.stop', 'drill.start']);
    expect(entries[0]?.actor?.role).toBe('admin');
    expect(entries[1]).toMatchObject({ target: drill.id, actor: { role: 'operator' } });
    expect(JSON.stringify(entries)).not.toContain(server.tokens.operator);
    const older = (await page(`?beforeId=${entries[0]?.id}&limit=1`)).json<{ entries: AuditEntry[] }>().entries;
    expect(older.map((e) => e.action)).toEqual(['drill.stop']);
    expect((await page('?limit=0')).statusCode).toBe(400);
  });
});
