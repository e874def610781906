/**
 * The shipped nginx configuration (deploy/nginx/flashcrowd.conf), run for real by Debian's
 * nginx in front of a real server on loopback: WebSocket upgrade for the live feed, the
 * status documents cached for about a second and revalidated by ETag, answers for token
 * holders never cached, and the last copy served when the server stops answering.
 */
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOW_TO_GET_NGINX, nginxAvailable, startNginx, type RunningNginx } from '../../bench/peers/nginx.js';
import { systemClock } from '../../server/clock/clock.js';
import { createTestServer, type TestServer } from '../server/fixtures.js';

const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (!nginxAvailable() && !inCi) console.warn(`\n!!! SKIPPING the nginx suite: no nginx at /usr/sbin/nginx. To run it: ${HOW_TO_GET_NGINX}\n`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!nginxAvailable() && !inCi)('nginx in front, with the shipped configuration', () => {
  let server: TestServer;
  let nginx: RunningNginx;
  let direct: string;

  beforeAll(async () => {
    if (!nginxAvailable()) throw new Error(`CI needs nginx for this suite: ${HOW_TO_GET_NGINX} (.ci/run installs it)`);
    // the real clock: the server tells nginx when a copy expires, and nginx reads the real time
    server = await createTestServer({ clock: systemClock });
    direct = await server.listen();
    nginx = await startNginx({ instances: [direct.replace('http://', '')] });
  });
  afterAll(async () => {
    await nginx?.stop();
    await server?.close();
  });

  it('serves the status documents from its cache, the same bytes the server sends', async () => {
    // a copy lasts until the end of the second it was made in: start just after one begins
    await sleep(1010 - (Date.now() % 1000));
    const first = await fetch(`${nginx.url}/api/v2/summary.json`);
    const second = await fetch(`${nginx.url}/api/v2/summary.json`);
    expect(first.status).toBe(200);
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    expect(await second.text()).toBe(await (await fetch(`${direct}/api/v2/summary.json`)).text());
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('gives a client the headers the server gives it directly, on a hit, a miss and a 304', async () => {
    // nginx adds the constant ones itself; its own, the hop-by-hop ones and the expiry it consumes aside
    const NOT_COMPARED = new Set(['date', 'connection', 'keep-alive', 'server', 'x-cache-status', 'x-accel-expires', 'transfer-encoding', 'content-length']);
    const comparable = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => !NOT_COMPARED.has(name)));
    for (const path of ['/api/v2/summary.json', '/api/v2/status.json', '/history.atom']) {
      const expected = comparable(await fetch(`${direct}${path}`));
      expect(expected['content-security-policy'], path).toBeDefined();
      expect(expected['access-control-allow-origin'], path).toBe('*');
      const seen = new Set<string>();
      for (let i = 0; i < 10 && !(i >= 2 && seen.has('HIT')); i++) {
        const res = await fetch(`${nginx.url}${path}`);
        seen.add(res.headers.get('x-cache-status') ?? '');
        expect(comparable(res), `${path} ${res.headers.get('x-cache-status')}`).toEqual(expected);
      }
      expect(seen, path).toContain('HIT');
      const etag = expected.etag ?? '';
      const unchanged = await fetch(`${nginx.url}${path}`, { headers: { 'if-none-match': etag } });
      const unchangedDirect = await fetch(`${direct}${path}`, { headers: { 'if-none-match': etag } });
      expect(unchanged.status).toBe(304);
      expect(comparable(unchanged), `${path} 304`).toEqual(comparable(unchangedDirect));
    }
  });

  it('picks up a change once its copy is over a second old', async () => {
    const before = await (await fetch(`${nginx.url}/api/v2/incidents.json`)).json();
    const posted = await server.app.inject({
      method: 'POST', url: '/api/v1/notices', headers: server.auth('operator'),
      payload: { service: 'messaging', stage: 'investigating', text: { en: { title: 'Messages are slow', body: 'We are looking into it.' }, 'zh-CN': { title: '消息变慢', body: '我们正在调查。' } } },
    });
    expect(posted.statusCode, posted.body).toBeLessThan(300);
    let after = before;
    const statuses: string[] = [];
    for (let i = 0; i < 40 && JSON.stringify(after) === JSON.stringify(before); i++) {
      await sleep(250);
      const res = await fetch(`${nginx.url}/api/v2/incidents.json`);
      statuses.push(res.headers.get('x-cache-status') ?? '');
      after = await res.json();
    }
    expect(after).not.toEqual(before);
    // the first request after the second is over gets the old copy while nginx refreshes it
    expect(statuses.some((s) => ['STALE', 'UPDATING', 'EXPIRED', 'REVALIDATED'].includes(s)), statuses.join(' ')).toBe(true);
  });

  it('never caches what it answers to a token holder', async () => {
    const headers = server.auth('admin');
    const res = await fetch(`${nginx.url}/api/v2/summary.json`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache-status')).toBe('BYPASS');
  });

  it('upgrades the live feed to a WebSocket and delivers the snapshot', async () => {
    const socket = connect(nginx.url, { transports: ['websocket'], reconnection: false, timeout: 5000 });
    try {
      const ack = await new Promise<{ ok: boolean }>((resolve, reject) => {
        socket.on('connect_error', reject);
        socket.on('connect', () => socket.emit('subscribe', { services: '*' }, resolve));
      });
      expect(ack.ok).toBe(true);
      expect(socket.io.engine.transport.name).toBe('websocket');
    } finally {
      socket.close();
    }
  });

  it('keeps serving the last copy when the server stops answering', async () => {
    await fetch(`${nginx.url}/api/v2/status.json`);
    await server.app.close();
    // a copy expires at the end of the second it was made in
    await sleep(2100);
    const res = await fetch(`${nginx.url}/api/v2/status.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache-status')).toBe('STALE');
  });
});
