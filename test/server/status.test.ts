import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { parseAtomFeed } from 'feedsmith';
import { describe, expect } from 'vitest';
import type { TestServer } from './fixtures.js';
import { createTestServer, SURGE_WINDOW, test, tickUntil } from './fixtures.js';

const load = (name: string): object => JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
formats.default(ajv);
ajv.addSchema(load('statuspage-common.json'));

const DOCUMENTS = [
  ['/api/v2/summary.json', 'summary'],
  ['/api/v2/status.json', 'status'],
  ['/api/v2/components.json', 'components'],
  ['/api/v2/incidents.json', 'incidents'],
  ['/api/v2/incidents/unresolved.json', 'incidents-unresolved'],
] as const;
const validators = Object.fromEntries(DOCUMENTS.map(([url, name]) => [url, ajv.compile(load(`statuspage-${name}.json`))]));
const validateUpdate = ajv.compile(load('statuspage-flashcrowd-update.json'));

interface IncidentDoc {
  id: string;
  status: string;
  incident_updates: { body: string; cause: string; expected_recovery_at: string | null; next_update_at: string | null; expected_delay_ms: number }[];
}

/** A drill into the 09:00 wave, stopped while incidents are open. */
async function duringSurge(server: TestServer): Promise<void> {
  await server.startDrill({ speed: 600, ...SURGE_WINDOW });
  const runner = server.drill();
  tickUntil(runner, () => runner.latestTick('messaging')?.level === 'critical');
  await server.app.drills.flush();
}

describe('the status API in Statuspage v2 shapes', () => {
  test('every document validates against the schemas written from Atlassian documentation, in both languages', async ({ server }) => {
    await duringSurge(server);
    for (const lang of ['en', 'zh-CN']) {
      for (const [url] of DOCUMENTS) {
        const res = await server.app.inject({ url: `${url}?lang=${lang}` });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['content-language']).toBe(lang);
        const validate = validators[url]!;
        expect(validate(res.json()), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  test('open incidents carry cause, expected delay, expected recovery and next update, translated with ?lang=zh-CN', async ({ server }) => {
    await duringSurge(server);
    const en = (await server.app.inject({ url: '/api/v2/incidents/unresolved.json' })).json<{ incidents: IncidentDoc[] }>().incidents;
    expect(en.length).toBeGreaterThan(0);
    const updates = en.flatMap((i) => i.incident_updates);
    for (const u of updates) expect(validateUpdate(u), ajv.errorsText(validateUpdate.errors)).toBe(true);
    expect(updates.some((u) => u.expected_recovery_at !== null && u.next_update_at !== null && u.expected_delay_ms > 0)).toBe(true);
    expect(updates[0]?.cause).toContain('Spring Festival');
    const zh = (await server.app.inject({ url: '/api/v2/incidents/unresolved.json?lang=zh-CN' })).json<{ incidents: IncidentDoc[] }>().incidents;
    expect(zh.map((i) => i.id)).toEqual(en.map((i) => i.id));
    expect(zh[0]?.incident_updates[0]?.cause).toContain('春节');
    const status = (await server.app.inject({ url: '/api/v2/status.json' })).json<{ status: { indicator: string } }>();
    expect(status.status.indicator).not.toBe('none');
  });

  test('answers 304 to a matching If-None-Match until something changes, with CORS and cache headers', async ({ server }) => {
    const first = await server.app.inject({ url: '/api/v2/summary.json' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    expect(first.headers['access-control-allow-origin']).toBe('*');
    expect(first.headers['cache-control']).toMatch(/max-age=/);
    // nginx in front keeps its copy until the end of the second the answer was made in
    expect(first.headers['x-accel-expires']).toBe(`@${Math.floor(server.clock.now() / 1000)}`);
    const again = await server.app.inject({ url: '/api/v2/summary.json', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await duringSurge(server);
    const changed = await server.app.inject({ url: '/api/v2/summary.json', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const preflight = await server.app.inject({ method: 'OPTIONS', url: '/api/v2/summary.json', headers: { origin: 'https://status.example.com', 'access-control-request-method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/If-None-Match/);
  });
});

describe('the Atom feed of notices', () => {
  test('parses with a real feed parser, one entry per notice, with ETag and 304', async ({ server }) => {
    await duringSurge(server);
    const res = await server.app.inject({ url: '/history.atom' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const feed = parseAtomFeed(res.body);
    const notices = await server.store.notices.list({ limit: 1000 });
    expect(feed.entries).toHaveLength(notices.length);
    expect(feed.entries?.[0]?.title).toBeTruthy();
    const zh = parseAtomFeed((await server.app.inject({ url: '/history.atom?lang=zh-CN' })).body);
    expect(zh.entries?.map((e) => e.id)).toEqual(feed.entries?.map((e) => e.id));
    expect((await server.app.inject({ url: '/history.atom', headers: { 'if-none-match': res.headers.etag as string } })).statusCode).toBe(304);
  });
});

describe('operations endpoints', () => {
  test('/healthz, /readyz and /metrics in Prometheus text', async ({ server }) => {
    expect((await server.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await server.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    await server.startDrill({ source: 'external', ...SURGE_WINDOW });
    await server.app.inject({ url: '/t/docs/x' });
    await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: server.auth('ingest'), payload: { samples: [{ service: 'docs', timestamp: 0, rps: 1 }] } });
    server.drill().tick();
    const metrics = await server.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(/^flashcrowd_traffic_requests_total\{service="docs"\} 1$/m);
    expect(metrics.body).toMatch(/^flashcrowd_ingest_samples_total\{source="json"\} 1$/m);
    expect(metrics.body).toMatch(/^flashcrowd_drill_running 1$/m);
    expect(metrics.body).toMatch(/^flashcrowd_tick_duration_seconds_count 1$/m);
    expect(metrics.body).toMatch(/^flashcrowd_live_clients 0$/m);
    expect(metrics.body).toMatch(/^flashcrowd_webhook_backlog 0$/m);
  });
});

describe('the dashboard and the status page', () => {
  test.for([['/', 'index.html'], ['/status', 'status.html']] as const)('%s serves the built %s with an ETag and 304', async ([url, file]) => {
    const dir = mkdtempSync(join(tmpdir(), 'flashcrowd-dashboard-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>dashboard</title>');
    writeFileSync(join(dir, 'status.html'), '<!doctype html><title>status</title>');
    const server = await createTestServer({ dashboardDir: dir });
    try {
      const res = await server.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toBe(readFileSync(join(dir, file), 'utf8'));
      expect((await server.app.inject({ url, headers: { 'if-none-match': res.headers.etag as string } })).statusCode).toBe(304);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('says how to build the pages when they are missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flashcrowd-dashboard-'));
    const server = await createTestServer({ dashboardDir: dir });
    try {
      const res = await server.app.inject({ url: '/status' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
