/**
 * HTTP throughput of the two paths that take a crowd, each side by side with a peer in the
 * same run on 127.0.0.1, so the figures say what our own code costs on this machine:
 *
 * - ingest: POST /api/v1/metrics with 100-sample batches (schema validation, auth, rate
 *   limit off, samples handed to the running drill) against a bare Fastify route that only
 *   parses the same JSON body;
 * - status: GET /api/v2/summary.json during a drill's incident, plain and with
 *   If-None-Match (304), against @fastify/static serving a file of the same bytes.
 *
 *   npm run build && node dist/bench/http-throughput.js [--seconds 5] [--connections 50]
 *
 * Bounded: every run lasts --seconds and targets only loopback.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { createToken } from '../server/auth/tokens.js';
import { formatTable } from '../server/cli/table.js';
import { buildApp } from '../server/http/app.js';
import { listeningUrl } from '../server/http/listening-url.js';
import { loadDefaultPlan } from '../server/plan-file.js';
import { openSqliteStore } from '../server/store/open-sqlite-store.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '50' } } });
const duration = Math.min(Math.max(Number(values.seconds) || 5, 1), 60);
const connections = Math.min(Math.max(Number(values.connections) || 50, 1), 500);

const plan = await loadDefaultPlan();
if (!plan.ok) throw new Error('the default plan must load');
const dir = await mkdtemp(join(tmpdir(), 'fc-bench-'));
const store = await openSqliteStore(join(dir, 'bench.db'));
const app = await buildApp({
  plan: plan.value, planText: '', store, webhooks: { enabled: false },
  limits: { ingestPerMinute: 100_000_000 },
});
await app.listen({ port: 0, host: '127.0.0.1' });
const url = listeningUrl(app.server.address());
const admin = await createToken(store, 'admin', 'bench');
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

const peer = Fastify({ bodyLimit: 1024 * 1024 });
peer.post('/ingest', async (req) => ({ accepted: (req.body as { samples: unknown[] }).samples.length }));
const summaryBody = await (await fetch(`${url}/api/v2/summary.json`)).text();
const etag = (await fetch(`${url}/api/v2/summary.json`)).headers.get('etag') ?? '';
await writeFile(join(dir, 'summary.json'), summaryBody);
await peer.register(fastifyStatic, { root: dir, prefix: '/static/' });
await peer.listen({ port: 0, host: '127.0.0.1' });
const peerUrl = listeningUrl(peer.server.address());

interface Row { name: string; result: autocannon.Result }
async function run(name: string, opts: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections, duration, ...opts });
  return { name, result };
}

const rows: Row[] = [
  await run('ingest POST /api/v1/metrics (100 samples)', { url: `${url}/api/v1/metrics`, method: 'POST', headers: auth, body: batch }),
  await run('peer: bare Fastify JSON route', { url: `${peerUrl}/ingest`, method: 'POST', headers: { 'content-type': 'application/json' }, body: batch }),
  await run('status GET /api/v2/summary.json', { url: `${url}/api/v2/summary.json` }),
  await run('status, If-None-Match (304s count as non-2xx)', { url: `${url}/api/v2/summary.json`, headers: { 'if-none-match': etag } }),
  await run('peer: @fastify/static, same bytes', { url: `${peerUrl}/static/summary.json` }),
];

console.log(`${duration}s per run, ${connections} connections, loopback, Node ${process.version}; summary.json is ${summaryBody.length} bytes`);
const table = rows.map(({ name, result }) => [
  name,
  Math.round(result.requests.average).toLocaleString('en'),
  String(result.latency.p50),
  String(result.latency.p99),
  String(result.non2xx),
  String(result.errors + result.timeouts),
]);
for (const line of formatTable(['run', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'], table, 1)) console.log(line);
const ingest = rows[0]!.result.requests.average * 100;
console.log(`ingest: ${Math.round(ingest).toLocaleString('en')} samples/s accepted (${(rows[0]!.result.requests.average / rows[1]!.result.requests.average * 100).toFixed(0)}% of the bare route's requests/s)`);
console.log(`status: ${(rows[2]!.result.requests.average / rows[4]!.result.requests.average * 100).toFixed(0)}% of static-file requests/s`);

await app.close();
await peer.close();
await store.close();
