/**
 * The status documents' fast path (server/status/fast-path.ts) answers plain GETs on a real
 * socket before Fastify routes them. What a client gets must be what the Fastify route gives
 * for the same request (app.inject never passes the front door, so it is the route's answer),
 * and whatever the fast path does not take must reach Fastify.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createToken } from '../../server/auth/tokens.js';
import { buildApp, type AppOptions } from '../../server/http/app.js';
import { loadDefaultPlan } from '../../server/plan-file.js';
import { openSqliteStore } from '../../server/store/open-sqlite-store.js';
import type { Store } from '../../server/store/store.js';
import { PROXY_ADDS_HEADER, PROXY_ADDS_VALUE } from '../../server/http/security-headers.js';
import { SURGE_WINDOW, testClock, tickUntil } from './fixtures.js';

const DOCUMENTS = ['/api/v2/summary.json', '/api/v2/status.json', '/api/v2/components.json', '/api/v2/incidents.json', '/api/v2/incidents/unresolved.json', '/history.atom'];
/** set by Node on the socket, not by either path */
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive']);

interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
}

interface Running {
  app: FastifyInstance;
  store: Store;
  url: string;
  /** requests Fastify has routed so far */
  routed: () => number;
  admin: string;
}

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.app.close();
    await r.store.close();
  }
});

async function start(options: Partial<AppOptions> = {}): Promise<Running> {
  const plan = await loadDefaultPlan();
  if (!plan.ok) throw new Error('the default plan must load');
  const store = await openSqliteStore(':memory:');
  const clock = testClock('2020-02-03T00:00:00Z');
  const app = await buildApp({ plan: plan.value, planText: '', store, webhooks: { enabled: false }, clock, ...options });
  let routed = 0;
  app.addHook('onRequest', (_request, _reply, done) => {
    routed += 1;
    done();
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const admin = (await createToken(store, 'admin', 'test', clock.now())).token;
  const r: Running = { app, store, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, routed: () => routed, admin };
  running.push(r);
  return r;
}

/** the exact answer on the wire, headers in the order sent; the path is sent as it is */
function overSocket(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode ?? 0, headers: pairs.filter(([name]) => !CONNECTION_HEADERS.has(name)), body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function throughRoute(app: FastifyInstance, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await app.inject({ url, headers });
  const pairs: [string, string][] = [];
  for (let i = 0; i < res.raw.res.getHeaderNames().length; i++) {
    const name = res.raw.res.getHeaderNames()[i]!;
    pairs.push([name, String(res.raw.res.getHeader(name))]);
  }
  return { status: res.statusCode, headers: pairs.filter(([name]) => !CONNECTION_HEADERS.has(name)), body: res.body };
}

async function intoIncident(r: Running): Promise<void> {
  const started = await r.app.inject({
    method: 'POST', url: '/api/v1/drills', headers: { authorization: `Bearer ${r.admin}` },
    payload: { scenario: 'feb3', speed: 600, ...SURGE_WINDOW },
  });
  expect(started.statusCode).toBe(201);
  const runner = r.app.drills.running()!;
  tickUntil(runner, () => runner.recentNoticeList().length >= 2);
  await r.app.drills.flush();
}

describe('status documents on the fast path', () => {
  it('sends what the Fastify route sends, for every document, language, proxy and revalidation, without routing it', async () => {
    const r = await start();
    await intoIncident(r);
    // the first request after a change waits for the new input: Fastify's route answers it
    expect((await overSocket(r.url, '/api/v2/status.json')).status).toBe(200);
    const variants: Record<string, string>[] = [
      {},
      { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
      { 'accept-language': 'fr, en-GB;q=0.8' },
      { [PROXY_ADDS_HEADER]: PROXY_ADDS_VALUE },
    ];
    let compared = 0;
    const routedAtStart = r.routed();
    for (const url of DOCUMENTS) {
      for (const headers of variants) {
        const routedBefore = r.routed();
        const fast = await overSocket(r.url, url, headers);
        expect(r.routed(), `${url} ${JSON.stringify(headers)} reached Fastify`).toBe(routedBefore);
        const route = await throughRoute(r.app, url, headers);
        expect(fast, `${url} ${JSON.stringify(headers)}`).toEqual(route);
        expect(fast.status).toBe(200);

        const etag = fast.headers.find(([name]) => name === 'etag')?.[1] ?? '';
        for (const ifNoneMatch of [etag, `W/"other", ${etag}`, '"other"']) {
          const conditional = { ...headers, 'if-none-match': ifNoneMatch };
          const fastAgain = await overSocket(r.url, url, conditional);
          expect(fastAgain, `${url} If-None-Match ${ifNoneMatch}`).toEqual(await throughRoute(r.app, url, conditional));
          expect(fastAgain.status).toBe(ifNoneMatch === '"other"' ? 200 : 304);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(DOCUMENTS.length * variants.length * 3);
    expect(r.routed() - routedAtStart, 'the route answered only the comparisons, by inject').toBe(DOCUMENTS.length * variants.length * 4);
  });

  it('leaves to Fastify a query string, other methods and unknown paths', async () => {
    const r = await start();
    await overSocket(r.url, '/api/v2/status.json');
    const cases: [string, string][] = [
      ['GET', '/api/v2/summary.json?lang=zh-CN'],
      ['GET', '/api/v2/summary.json?'],
      ['HEAD', '/api/v2/summary.json'],
      ['OPTIONS', '/api/v2/summary.json'],
      ['GET', '/api/v2/summary.json/'],
      ['GET', '/API/v2/summary.json'],
      ['GET', '/api/v2/constructor'],
    ];
    for (const [method, url] of cases) {
      const before = r.routed();
      const answer = await overSocket(r.url, url, {}, method);
      expect(r.routed(), `${method} ${url}`).toBe(before + 1);
      if (url.includes('lang=zh-CN')) expect(answer.headers).toContainEqual(['content-language', 'zh-CN']);
    }
  });

  it('is not taken where reads need a token: Fastify refuses the request without one', async () => {
    const r = await start({ publicRead: false });
    const before = r.routed();
    const answer = await overSocket(r.url, '/api/v2/summary.json');
    expect(answer.status).toBe(401);
    expect(r.routed()).toBe(before + 1);
    const withToken = await overSocket(r.url, '/api/v2/summary.json', { authorization: `Bearer ${r.admin}` });
    expect(withToken.status).toBe(200);
  });

  it('is not taken while requests are logged', async () => {
    const lines: string[] = [];
    const r = await start({ logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
    const before = r.routed();
    expect((await overSocket(r.url, '/api/v2/summary.json')).status).toBe(200);
    expect(r.routed()).toBe(before + 1);
    expect(lines.some((line) => line.includes('/api/v2/summary.json'))).toBe(true);
  });
});
