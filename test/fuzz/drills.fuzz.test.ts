/**
 * Hostile input against starting, stopping and scaling drills: never a 5xx, every 4xx names
 * what to change, and a started drill runs at a speed within the documented range.
 * FUZZ_SEED and FUZZ_SCALE replay or widen a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, SURGE_WINDOW, type TestServer } from '../server/fixtures.js';
import { anyJson, expectSound, oddNumber, oddString, requester } from './record-fuzz-kit.js';
import { cases, FUZZ_TIMEOUT_MS } from './fuzz-run.js';

let server: TestServer;
const { inject, asJson } = requester(() => server);

beforeAll(async () => {
  server = await createTestServer();
  await server.startDrill({ source: 'external', ...SURGE_WINDOW });
});
afterAll(async () => server.close());

describe('drill routes under hostile input', () => {
  it('scale and stop with odd ids and bodies never answer 5xx', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const running = server.drill().spec.id;
    await fc.assert(
      fc.asyncProperty(fc.oneof(oddString, fc.constant(running)), fc.oneof(fc.record({ service: oddString, desired: oddNumber }, { requiredKeys: [] }), anyJson), async (id, body) => {
        const url = `/api/v1/drills/${encodeURIComponent(id)}`;
        const scaled = await inject({ method: 'POST', url: `${url}/scale`, ...asJson(body) });
        expectSound(scaled, `scale ${id} ${JSON.stringify(body)}`);
        if (scaled.status === 202) expect(Object.hasOwn(server.plan.services, (body as { service: string }).service)).toBe(true);
        const other = id === running ? 'none' : id;
        expectSound(await inject({ method: 'POST', url: `/api/v1/drills/${encodeURIComponent(other)}/stop`, headers: server.auth('operator') }), `stop ${other}`);
        expectSound(await inject({ url: `/api/v1/drills/${encodeURIComponent(id)}/report.json` }), `report ${id}`);
      }),
      cases(),
    );
  });

  it('starting with hostile bodies never answers 5xx, and a started drill has a speed within 1..10,000', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const body = fc.oneof(
      fc.record({ scenario: fc.constant('feb3'), speed: oddNumber, from: fc.constant(SURGE_WINDOW.from), to: fc.constant(SURGE_WINDOW.to) }),
      fc.record({ scenario: fc.oneof(fc.constant('feb3'), oddString), speed: oddNumber, source: fc.oneof(fc.constantFrom('generated', 'external'), oddString), scale: oddNumber, from: oddString, to: oddString }, { requiredKeys: [] }),
      anyJson,
    );
    const before = await inject({ method: 'POST', url: '/api/v1/notices', ...asJson({ service: 'messaging', stage: 'investigating', text: { en: { title: 'Kept', body: 'Kept' }, 'zh-CN': { title: '保留', body: '保留' } } }) });
    expect(before.status).toBe(201);
    const kept = before.json();
    let started = 0;
    const running = server.app.drills.running();
    if (running && running.spec.scenarioName !== 'live') await server.app.drills.stop(running.spec.id, null);
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await inject({ method: 'POST', url: '/api/v1/drills', ...asJson(b) });
        expectSound(res, JSON.stringify(b));
        if (res.status === 201) {
          started++;
          const { speed } = res.json() as { speed: number };
          expect(speed >= 1 && speed <= 10_000).toBe(true);
        }
      }),
      cases(),
    );
    expect(started).toBeGreaterThan(0);
    await server.app.drills.flush();
    // a notice accepted before the drills came and went is still there, unchanged
    expect((await server.store.notices.get(kept.id ?? ''))?.notice.text).toEqual(kept.text);
  });
});
