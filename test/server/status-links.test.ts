/**
 * Every link Flashcrowd publishes leads somewhere: the page and incident links in
 * summary.json and incidents.json, every href in the Atom feed, and the links inside
 * webhook bodies, fetched over real HTTP on loopback as a reader would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../server/contracts.js';
import { createTestServer, SURGE_WINDOW, tickUntil, type TestServer } from './fixtures.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** Every string in a JSON value that starts with `base`. */
function linksIn(value: unknown, base: string, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (value.startsWith(base)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) linksIn(v, base, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) linksIn(v, base, out);
  }
  return out;
}

const unescapeXml = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function surgeWithRecord(): Promise<{ server: TestServer; base: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'flashcrowd-dashboard-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const page of ['index.html', 'status.html']) writeFileSync(join(dir, page), '<!doctype html><title>page</title>');
  const server = await createTestServer({ dashboardDir: dir });
  cleanup.push(() => server.close());
  const base = await server.listen();
  const sub = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: server.auth('admin'), payload: { url: 'https://hooks.example.net/hook', eventTypes: ['incident.updated', 'component.updated'] } });
  expect(sub.statusCode).toBe(201);
  await server.startDrill({ speed: 600, ...SURGE_WINDOW });
  const runner = server.drill();
  tickUntil(runner, () => runner.latestTick('messaging')?.level === 'critical');
  const manual = await server.app.inject({
    method: 'POST',
    url: '/api/v1/notices',
    headers: server.auth('operator'),
    payload: { service: 'docs', stage: 'identified', incidentId: 'ops:docs/slow?#1', text: { en: { title: 'Docs slow', body: 'Saving is slow.' }, 'zh-CN': { title: '文档变慢', body: '保存较慢。' } } },
  });
  expect(manual.statusCode).toBe(201);
  await server.app.drills.flush();
  return { server, base };
}

async function expectAllAnswer200(links: Iterable<string>): Promise<void> {
  for (const link of links) {
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status, link).toBe(200);
    await res.arrayBuffer();
  }
}

describe('published links', () => {
  it('in summary.json, incidents.json, the Atom feed and webhook bodies all answer 200', async () => {
    const { server, base } = await surgeWithRecord();
    const links = new Set<string>();
    const collect = async (): Promise<void> => {
      for (const url of ['/api/v2/summary.json', '/api/v2/incidents.json', '/api/v2/incidents/unresolved.json']) {
        linksIn(await (await fetch(`${base}${url}`)).json(), base, links);
      }
      const feed = await (await fetch(`${base}/history.atom`)).text();
      for (const [, href] of feed.matchAll(/(?:href="|<uri>)([^"<]+)/g)) links.add(unescapeXml(href!));
      for (const message of await server.store.webhooks.listMessages({ limit: 1000 })) {
        const body = message.payload as { meta: { unsubscribe: string } };
        const { unsubscribe: _tested_below, ...meta } = body.meta;
        linksIn({ ...body, meta }, base, links);
      }
    };
    await collect();
    const drillId = server.drill().spec.id;
    expect((await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drillId}/stop`, headers: server.auth('operator') })).statusCode).toBe(200);
    await collect();

    const incidentPages = [...links].filter((l) => l.startsWith(`${base}/incidents/`));
    expect(incidentPages.length).toBeGreaterThan(1);
    expect(incidentPages).toContain(`${base}/incidents/${encodeURIComponent('ops:docs/slow?#1')}`);
    expect(links).toContain(`${base}/status`);
    expect(links).toContain(`${base}/history.atom`);
    await expectAllAnswer200(links);
    await expectAllAnswer200(incidentPages.map((l) => l.replace('/incidents/', '/api/v2/incidents/') + '.json'));
  });

  it('the unsubscribe link in a webhook body removes the subscription (DELETE, as an admin)', async () => {
    const { server } = await surgeWithRecord();
    const [message] = await server.store.webhooks.listMessages({ limit: 1 });
    const link = (message?.payload as { meta: { unsubscribe: string } }).meta.unsubscribe;
    const res = await fetch(link, { method: 'DELETE', headers: server.auth('admin') });
    expect(res.status).toBe(204);
  });

  it('an incident page and document answer 404 naming the id for an unknown incident, and are not confused by odd ids', async () => {
    const { server } = await surgeWithRecord();
    for (const id of ['nothere', 'constructor', '__proto__', '.x', '%00', 'a'.repeat(100)]) {
      for (const url of [`/incidents/${encodeURIComponent(id)}`, `/api/v2/incidents/${encodeURIComponent(id)}.json`]) {
        const res = await server.app.inject({ url });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error).toMatchObject({ code: 'incident.not-found', field: 'id' });
      }
    }
    // longer than any id we publish (POST /api/v1/notices takes incidentId up to 100): refused by the router
    const long = await server.app.inject({ url: `/incidents/${'a'.repeat(101)}` });
    expect(long.statusCode).toBe(414);
    const manual = (await server.store.notices.list({ service: 'docs', limit: 1 }))[0]?.notice as Notice;
    const page = await server.app.inject({ url: `/incidents/${encodeURIComponent(manual.incidentId)}?lang=zh-CN` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('文档变慢');
    const again = await server.app.inject({ url: `/incidents/${encodeURIComponent(manual.incidentId)}?lang=zh-CN`, headers: { 'if-none-match': page.headers.etag as string } });
    expect(again.statusCode).toBe(304);
  });
});
