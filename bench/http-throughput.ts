/**
 * HTTP throughput of the paths that take a crowd, each side by side with a peer in the same
 * run on 127.0.0.1, so the figures say what our own code costs on this machine:
 *
 * - ingest: POST /api/v1/metrics with 100-sample batches against a bare Fastify route that
 *   only parses the same JSON body;
 * - status: GET /api/v2/summary.json during a drill's incident against a bare Fastify route
 *   sending the same bytes, and through the shipped nginx configuration against nginx
 *   serving the same bytes as a static file; plus how stale nginx's copy gets;
 * - traffic target: /t/:service/* against a bare route that waits the same delay.
 *
 *   npm run build && node dist/bench/http-throughput.js [--seconds 5] [--connections 50]
 *
 * Bounded: every run lasts --seconds and targets only loopback.
 */
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createToken } from '../server/auth/tokens.js';
import { formatTable } from '../server/cli/table.js';
import { listeningUrl } from '../server/http/listening-url.js';
import { benchApp } from './lib/bench-app.js';
import { benchRow, rowCells, ROW_HEADER, writeRows, type BenchRow } from './lib/bench-rows.js';
import { nginxAvailable, startNginx, HOW_TO_GET_NGINX } from './peers/nginx.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '50' }, rows: { type: 'string' } },
});
const duration = Math.min(Math.max(Number(values.seconds) || 5, 1), 60);
const connections = Math.min(Math.max(Number(values.connections) || 50, 1), 500);

const { app, store, dir } = await benchApp('http', { limits: { ingestPerMinute: 100_000_000 } });
await app.listen({ port: 0, host: '127.0.0.1' });
const url = listeningUrl(app.server.address());
const admin = await createToken(store, 'admin', 'bench', Date.now());
const auth = { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' };

// an incident in progress, so the summary carries components, incidents and updates
await fetch(`${url}/api/v1/drills`, {
  method: 'POST', headers: auth,
  body: JSON.stringify({ scenario: 'feb3', speed: 600, source: 'generated', from: '2020-02-03T08:30:00+08:00', to: '2020-02-03T11:00:00+08:00' }),
});
const runner = app.drills.running();
for (let i = 0; i < 120 && runner; i++) runner.tick();
// stopped, so the status documents (and their ETags) hold still while they are measured
if (runner) await fetch(`${url}/api/v1/drills/${runner.spec.id}/stop`, { method: 'POST', headers: { authorization: auth.authorization } });
await app.drills.flush();

const batch = JSON.stringify({
  samples: Array.from({ length: 100 }, (_, i) => ({ service: ['messaging', 'meetings', 'docs'][i % 3], timestamp: Date.now(), rps: 1000 + i, latencyMs: 50 })),
});
const summaryBody = await (await fetch(`${url}/api/v2/summary.json`)).text();
const summaryHeaders = (await fetch(`${url}/api/v2/summary.json`)).headers;
const traffic = (await (await fetch(`${url}/t/messaging/bench`)).json()) as { delayMs: number };

const peer = Fastify({ bodyLimit: 1024 * 1024 });
peer.post('/ingest', async (req) => ({ accepted: (req.body as { samples: unknown[] }).samples.length }));
peer.get('/summary.json', async (_req, reply) =>
  reply
    .header('ETag', summaryHeaders.get('etag') ?? '')
    .header('Cache-Control', summaryHeaders.get('cache-control') ?? '')
    .type('application/json; charset=utf-8')
    .send(summaryBody),
);
peer.all('/t/:service/*', async () => {
  if (traffic.delayMs >= 1) await new Promise((r) => setTimeout(r, traffic.delayMs));
  return { ok: true };
});
await peer.listen({ port: 0, host: '127.0.0.1' });
const peerUrl = listeningUrl(peer.server.address());

async function rps(opts: autocannon.Options): Promise<{ rps: number; line: string[] }> {
  const result = await autocannon({ connections, duration, ...opts });
  const line = [String(opts.url), Math.round(result.requests.average).toLocaleString('en'), String(result.latency.p50), String(result.latency.p99), String(result.non2xx), String(result.errors + result.timeouts)];
  return { rps: result.requests.average, line };
}

const raw: string[][] = [];
const rows: BenchRow[] = [];
async function pair(figure: string, ours: autocannon.Options, theirs: autocannon.Options, minRatio: number): Promise<void> {
  const a = await rps(ours);
  const b = await rps(theirs);
  raw.push(a.line, b.line);
  rows.push(benchRow(figure, 'req/s', a.rps, b.rps, { kind: 'ratio-at-least', value: minRatio }));
}

await pair('JSON ingest, 100-sample batches (peer: bare Fastify parsing the body)',
  { url: `${url}/api/v1/metrics`, method: 'POST', headers: auth, body: batch },
  { url: `${peerUrl}/ingest`, method: 'POST', headers: { 'content-type': 'application/json' }, body: batch }, 0.5);
await pair('summary.json from the server (peer: bare Fastify, same bytes)', { url: `${url}/api/v2/summary.json` }, { url: `${peerUrl}/summary.json` }, 0.9);
await pair(`traffic target, ${connections * 8} connections, ${traffic.delayMs} ms delay (peer: bare route, same delay)`,
  { url: `${url}/t/messaging/bench`, connections: connections * 8 }, { url: `${peerUrl}/t/messaging/bench`, connections: connections * 8 }, 0.95);

if (nginxAvailable()) {
  await writeFile(join(dir, 'summary.json'), summaryBody);
  // nginx's workers drop to an unprivileged user when the bench runs as root
  await chmod(dir, 0o755);
  await chmod(join(dir, 'summary.json'), 0o644);
  const nginx = await startNginx({ instances: [url.replace('http://', '')], staticRoot: dir });
  try {
    await pair('summary.json through the shipped nginx config (peer: nginx static file)', { url: `${nginx.url}/api/v2/summary.json` }, { url: `${nginx.staticUrl}/summary.json` }, 0.8);
    rows.push(benchRow('status document staleness through nginx, worst of 5 changes', 'ms', await staleness(nginx.url), null, { kind: 'ours-at-most', value: 2000 }));
  } finally {
    await nginx.stop();
  }
} else {
  console.warn(`nginx rows left out: ${HOW_TO_GET_NGINX}`);
}

/** After a change, how long until nginx serves it: the copy's age a reader can meet. */
async function staleness(nginxUrl: string): Promise<number> {
  let worst = 0;
  for (let i = 0; i < 5; i++) {
    await fetch(`${nginxUrl}/api/v2/incidents.json`);
    const marker = `bench-${i}-${Date.now()}`;
    const t0 = performance.now();
    await app.inject({
      method: 'POST', url: '/api/v1/notices', headers: { authorization: auth.authorization },
      payload: { service: 'docs', stage: 'investigating', text: { en: { title: marker, body: 'bench' }, 'zh-CN': { title: marker, body: 'bench' } } },
    });
    while (!(await (await fetch(`${nginxUrl}/api/v2/incidents.json`)).text()).includes(marker)) {
      if (performance.now() - t0 > 10_000) throw new Error('nginx never served the change');
      await new Promise((r) => setTimeout(r, 20));
    }
    worst = Math.max(worst, performance.now() - t0);
  }
  return worst;
}

console.log(`${duration}s per run, ${connections} connections, loopback, Node ${process.version}; summary.json is ${summaryBody.length} bytes`);
for (const line of formatTable(['run', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'], raw, 1)) console.log(line);
for (const line of formatTable(ROW_HEADER, rows.map(rowCells), 1)) console.log(line);
writeRows(values.rows, rows);

await app.close();
await peer.close();
await store.close();
