/**
 * The status routes with odd ids, languages and Accept-Language headers: never a 5xx.
 * FUZZ_SEED and FUZZ_SCALE replay or widen a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, SURGE_WINDOW, type TestServer } from '../server/fixtures.js';
import { oddString, requester } from './record-fuzz-kit.js';
import { cases, FUZZ_TIMEOUT_MS } from './fuzz-run.js';

let server: TestServer;
const { inject } = requester(() => server);

// a built dashboard, so a path that normalises to / or /status reaches a page rather than the "not built" 503
const dashboardDir = mkdtempSync(join(tmpdir(), 'flashcrowd-dashboard-'));
for (const page of ['index.html', 'status.html']) writeFileSync(join(dashboardDir, page), '<!doctype html><title>page</title>');

beforeAll(async () => {
  server = await createTestServer({ dashboardDir });
  await server.startDrill({ source: 'external', ...SURGE_WINDOW });
});
afterAll(async () => {
  await server.close();
  rmSync(dashboardDir, { recursive: true, force: true });
});

const STATUS_URLS = [
  (id: string, q: string) => `/incidents/${encodeURIComponent(id)}${q}`,
  (id: string, q: string) => `/api/v2/incidents/${encodeURIComponent(id)}.json${q}`,
  (_id: string, q: string) => `/api/v2/summary.json${q}`,
  (_id: string, q: string) => `/history.atom${q}`,
];

describe('status routes with odd ids and languages', () => {
  it('never answer 5xx', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    // each case asks one route, so every route gets about a quarter of the cases and all of them 10,000 together
    await fc.assert(
      fc.asyncProperty(fc.nat(STATUS_URLS.length - 1), oddString, oddString, async (route, id, lang) => {
        const url = STATUS_URLS[route]?.(id, `?lang=${encodeURIComponent(lang)}`) ?? '/';
        const res = await inject({ url, headers: { 'accept-language': lang.replace(/[^\t\x20-\x7e]/g, '') } });
        expect(res.status, url).toBeLessThan(500);
      }),
      cases(),
    );
  });
});
