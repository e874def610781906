import Fastify from 'fastify';
import { parseAtomFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { statusFixture } from '../../test/schemas/status-fixture.js';
import { statusRoutes } from './routes.js';
import type { StatusRoutesOptions } from './routes.js';

const ENDPOINTS = [
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/incidents/unresolved.json',
  '/history.atom',
];

async function server(opts: Partial<StatusRoutesOptions> = {}) {
  const app = Fastify();
  let fetches = 0;
  await app.register(statusRoutes, {
    source: async () => {
      fetches += 1;
      return statusFixture();
    },
    ...opts,
  });
  return { app, fetches: () => fetches };
}

describe('status routes', () => {
  it.each(ENDPOINTS)('%s answers 200 with ETag, Cache-Control and CORS, then 304', async (url) => {
    const { app } = await server();
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=1, stale-while-revalidate=30');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await app.inject({ url, headers: { 'if-none-match': `W/"other", ${String(res.headers.etag)}` } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(res.headers.etag);
    await app.close();
  });

  it('serves JSON and Atom with their media types', async () => {
    const { app } = await server();
    const json = await app.inject({ url: '/api/v2/status.json' });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json().status.indicator).toBe('major');
    const atom = await app.inject({ url: '/history.atom' });
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(parseAtomFeed(atom.body).entries).toHaveLength(6);
    await app.close();
  });

  it('picks the language from ?lang, then Accept-Language, with a distinct ETag', async () => {
    const { app } = await server();
    const en = await app.inject({ url: '/api/v2/status.json' });
    const zh = await app.inject({ url: '/api/v2/status.json?lang=zh-CN' });
    const accept = await app.inject({ url: '/api/v2/status.json', headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(en.json().status.description).toBe('Partial System Outage');
    expect(zh.json().status.description).toBe('部分系统中断');
    expect(accept.body).toBe(zh.body);
    expect(zh.headers.etag).not.toBe(en.headers.etag);
    expect(zh.headers.vary).toBe('Accept-Language');
    expect(zh.headers['content-language']).toBe('zh-CN');
    await app.close();
  });

  it('with a version, fetches the input once per version and rebuilds when it changes', async () => {
    let version = 1;
    const { app, fetches } = await server({ version: () => version });
    const first = await Promise.all(ENDPOINTS.map((url) => app.inject({ url })));
    await Promise.all(ENDPOINTS.map((url) => app.inject({ url })));
    expect(fetches()).toBe(1);
    version = 2;
    const second = await Promise.all(ENDPOINTS.map((url) => app.inject({ url })));
    expect(fetches()).toBe(2);
    expect(second.map((r) => r.headers.etag)).toEqual(first.map((r) => r.headers.etag));
    await app.close();
  });

  it('without a version, every request reads the input', async () => {
    const { app, fetches } = await server();
    await app.inject({ url: '/api/v2/summary.json' });
    await app.inject({ url: '/api/v2/summary.json' });
    expect(fetches()).toBe(2);
    await app.close();
  });

  it('answers a CORS preflight for scripts that send If-None-Match', async () => {
    const { app } = await server();
    const res = await app.inject({ method: 'OPTIONS', url: '/api/v2/summary.json', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-headers']).toContain('If-None-Match');
    await app.close();
  });

  it('runs the preHandler it is given', async () => {
    const { app } = await server({ preHandler: async (_request, reply) => reply.code(401).send({ error: 'private' }) });
    expect((await app.inject({ url: '/api/v2/summary.json' })).statusCode).toBe(401);
    await app.close();
  });
});
