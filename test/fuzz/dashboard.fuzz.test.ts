/**
 * The routes the dashboard leans on, with any input: the scale answer always names what it
 * applied within the plan's limits, whoami refuses whatever is not a token, and neither
 * ever answers 5xx.
 */
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { test } from '../server/fixtures.js';
import { cases } from './fuzz-run.js';


describe('scale and whoami under any input', () => {
  test('a manual scale answers 202 with a clamped count and a reason, or a 4xx with a message', async ({ server }) => {
    const drill = await server.startDrill({});
    const services = Object.keys(server.plan.services);
    const body = fc.oneof(
      fc.record({ service: fc.constantFrom(...services), desired: fc.integer({ min: -10, max: 200_000 }) }),
      fc.record({ service: fc.string({ maxLength: 20 }), desired: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)) }, { requiredKeys: [] }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/scale`, headers: { ...server.auth('operator'), 'content-type': 'application/json' }, payload: JSON.stringify(payload ?? null) });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 202) {
          const answer = res.json<{ service: string; applied: number; requested: number; reason: string }>();
          const capacity = server.plan.services[answer.service]?.capacity;
          expect(capacity).toBeDefined();
          expect(answer.applied).toBeGreaterThanOrEqual(capacity?.minServers ?? 0);
          expect(answer.applied).toBeLessThanOrEqual(capacity?.maxServers ?? 0);
          expect(answer.reason === 'within-limits').toBe(answer.applied === answer.requested);
        } else {
          expect(res.json<{ error: { code: string; message: string } }>().error.message).not.toBe('');
        }
      }),
      cases(150),
    );
  });

  test('whoami refuses any header that is not a known token, never with 5xx', async ({ server }) => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (value) => {
        const res = await server.app.inject({ url: '/api/v1/whoami', headers: { authorization: value } });
        expect([401, 403]).toContain(res.statusCode);
      }),
      cases(200),
    );
  });
});
