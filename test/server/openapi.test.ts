import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect } from 'vitest';
import { test } from './fixtures.js';

interface Operation { responses: Record<string, { content?: Record<string, unknown> }>; requestBody?: { content: Record<string, unknown> } }
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('the API description', () => {
  test('is a valid OpenAPI 3.1 document', async ({ server }) => {
    const res = await server.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(res.json<Record<string, unknown>>());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(res.json<Document>().openapi).toBe('3.1.0');
  });
});

describe('what the description says', () => {
  test('the Statuspage extension fields, each with a description', async ({ server }) => {
    const doc = (await server.app.inject({ url: '/api/openapi.json' })).json<Document>();
    const content = doc.paths['/api/v2/incidents.json']!.get!.responses['200']!.content!['application/json'] as { schema: { properties: { incidents: { items: { properties: { incident_updates: { items: { properties: Record<string, { description?: string }> } } } } } } } };
    const update = content.schema.properties.incidents.items.properties.incident_updates.items.properties;
    for (const field of ['cause', 'expected_delay_ms', 'expected_recovery_at', 'expected_recovery_earliest_at', 'expected_recovery_latest_at', 'next_update_at', 'translations']) {
      expect(update[field]?.description, field).toMatch(/^extension: /);
    }
  });

  test('non-JSON routes with their media types', async ({ server }) => {
    const doc = (await server.app.inject({ url: '/api/openapi.json' })).json<Document>();
    expect(Object.keys(doc.paths['/history.atom']!.get!.responses['200']!.content!)).toEqual(['application/atom+xml']);
    expect(Object.keys(doc.paths['/incidents/{id}']!.get!.responses['200']!.content!)).toEqual(['text/html']);
    expect(Object.keys(doc.paths['/metrics']!.get!.responses['200']!.content!)).toEqual(['text/plain; version=0.0.4']);
    expect(Object.keys(doc.paths['/api/v1/write']!.post!.requestBody!.content)).toEqual(['application/x-protobuf']);
    expect(Object.keys(doc.paths['/api/v1/write']!.post!.responses['400']!.content!)).toEqual(['text/plain']);
  });

  test('every operation lists its error answers with the one error body', async ({ server }) => {
    const doc = (await server.app.inject({ url: '/api/openapi.json' })).json<Document>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'options' || path === '/' || path === '/status') continue;
        expect(Object.keys(op.responses), `${method} ${path}`).toContain('500');
      }
    }
  });

  test('/api/docs is a page of the operations under the usual Content-Security-Policy', async ({ server }) => {
    const page = await server.app.inject({ url: '/api/docs' });
    const home = await server.app.inject({ url: '/healthz' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(home.headers['content-security-policy']);
    expect(page.body).not.toMatch(/<script|<style|style=/);
    expect(page.body).toContain('<code>POST /api/v1/drills</code>');
    expect(page.body).toContain('<code>GET /api/v2/summary.json</code>');
  });
});

describe('one error vocabulary', () => {
  test('an unknown route, a refused field and an unknown drill, each with a dotted code', async ({ server }) => {
    const route = await server.app.inject({ url: '/api/v1/nothing' });
    expect(route.statusCode).toBe(404);
    expect(route.json()).toEqual({ error: { code: 'route.not-found', message: 'no route GET /api/v1/nothing' } });
    const field = await server.app.inject({ method: 'POST', url: '/api/v1/drills', headers: server.auth('operator'), payload: { speed: 'fast' } });
    expect(field.statusCode).toBe(400);
    expect(field.json()).toMatchObject({ error: { code: 'request.invalid', field: 'body.speed' } });
    const drill = await server.app.inject({ url: '/api/v1/drills/d-none' });
    expect(drill.statusCode).toBe(404);
    expect(drill.json()).toEqual({ error: { code: 'drill.not-found', message: 'no drill d-none' } });
  });
});
