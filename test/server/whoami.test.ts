import { describe, expect } from 'vitest';
import { test } from './fixtures.js';

describe('GET /api/v1/whoami', () => {
  test('names the token and its role for an operator or admin token', async ({ server }) => {
    for (const role of ['operator', 'admin'] as const) {
      const res = await server.app.inject({ url: '/api/v1/whoami', headers: server.auth(role) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ role });
    }
  });

  test('refuses a missing, unknown or ingest-only token with a sentence saying what to do', async ({ server }) => {
    const missing = await server.app.inject({ url: '/api/v1/whoami' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ error: { code: 'auth.missing-token' } });
    const unknown = await server.app.inject({ url: '/api/v1/whoami', headers: { authorization: 'Bearer not-a-token-we-know' } });
    expect(unknown.json()).toMatchObject({ error: { code: 'auth.invalid-token' } });
    const ingest = await server.app.inject({ url: '/api/v1/whoami', headers: server.auth('ingest') });
    expect(ingest.statusCode).toBe(403);
    expect(ingest.json()).toMatchObject({ error: { code: 'auth.forbidden' } });
  });
});
