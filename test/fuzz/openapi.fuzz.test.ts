/**
 * Random bodies, params and queries against the typed routes: never a 5xx, every refusal in
 * the one error body with a dotted code, and every answer one the API description allows
 * (the test server checks each against the document and fails at close otherwise).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server/fixtures.js';
import { cases } from './fuzz-run.js';


let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => server.close());

const ROUTES = [
  ['POST', '/api/v1/drills'],
  ['POST', '/api/v1/notices'],
  ['PATCH', '/api/v1/notices/n-1'],
  ['POST', '/api/v1/drills/d-1/scale'],
  ['POST', '/api/v1/tokens'],
  ['POST', '/api/v1/webhooks'],
] as const;

const segment = fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent);

describe('typed routes under random input', () => {
  it('answer bodies of any JSON shape with 2xx or a 4xx naming the code', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ROUTES), fc.jsonValue({ maxDepth: 3 }), async ([method, url], body) => {
      const res = await server.app.inject({ method, url, headers: { ...server.auth('admin'), 'content-type': 'application/json' }, payload: JSON.stringify(body) });
      expect(res.statusCode).toBeLessThan(500);
      if (res.statusCode >= 400) expect(res.json<{ error: { code: string } }>().error.code).toMatch(/^[a-z]+\.[a-z-]+$/);
    }), cases(150));
  });

  it('answer odd ids and queries with 2xx or 4xx', async () => {
    await fc.assert(fc.asyncProperty(segment, fc.dictionary(fc.constantFrom('status', 'limit', 'type', 'service', 'lang', 'beforeId'), fc.string({ maxLength: 20 })), async (id, query) => {
      const qs = new URLSearchParams(query).toString();
      for (const url of [`/api/v1/drills/${id}`, `/api/v1/drills/${id}/events?${qs}`, `/api/v1/drills?${qs}`, `/api/v2/incidents/${id}.json?${qs}`, `/api/v1/audit?${qs}`]) {
        const res = await server.app.inject({ url, headers: server.auth('admin') });
        expect(res.statusCode, url).toBeLessThan(500);
      }
    }), cases(60));
  });
});
