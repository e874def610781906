/**
 * Ingest cost against peers, each target in a process of its own so its CPU time can be read
 * from /proc, driven by the same client in alternating runs:
 *
 * - remote write: the same snappy WriteRequest bodies (every live series in each request, one
 *   new sample per series, as k6 pushes) sent one after another to POST /api/v1/write and to
 *   Prometheus' own receiver, at 400, 1,600 and 6,400 live series; samples/s and samples per
 *   CPU-second of the receiving process. Goal: cost per request follows the series in the
 *   request (CPU per series at 6,400 within 1.5x of that at 400) and at least half
 *   Prometheus' samples per CPU-second.
 * - JSON ingest: POST /api/v1/metrics with 100-sample batches against a bare Fastify route
 *   parsing the same body (autocannon); goal at least 0.5x its requests/s.
 *
 *   npm run build && node dist/bench/remote-write.js [--seconds 3] [--prometheus /usr/bin/prometheus]
 *
 * Bounded: every process listens on 127.0.0.1 and is stopped at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { formatTable } from '../server/cli/table.js';
import { encodeWriteRequest, type TimeSeries } from '../server/ingest/remote-write.js';
import { rowCells, ROW_HEADER, writeRows, type BenchRow } from './lib/bench-rows.js';


export interface RemoteWriteBenchOptions {
  /** seconds per measured run (about) */
  seconds?: number;
  prometheus?: string;
  seriesCounts?: readonly number[];
}

const SELF = fileURLToPath(import.meta.url);
const REMOTE_WRITE_HEADERS = { 'content-encoding': 'snappy', 'content-type': 'application/x-protobuf', 'x-prometheus-remote-write-version': '0.1.0' };
const CLOCK_TICKS_PER_SECOND = 100;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** user + system CPU seconds of a process so far */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready in 30 s`);
}

interface Target {
  name: string;
  url: string;
  pid: number;
  headers: Record<string, string>;
  stop(): Promise<void>;
}

async function startChild(name: string, command: string, args: string[], port: number, ready: string, headers: Record<string, string> = {}): Promise<Target> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${ready}`, child);
  return {
    name, url, pid: child.pid ?? 0, headers,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** One request per step: every series with one new sample, 15 s apart, counters rising. */
function bodies(series: number, steps: number, fromStep: number, t0: number): Buffer[] {
  const labels = Array.from({ length: series }, (_, i) => [
    { name: '__name__', value: 'k6_http_reqs_total' },
    { name: 'instance', value: `load-${i % 50}` },
    { name: 'method', value: 'GET' },
    { name: 'service', value: ['messaging', 'meetings', 'docs'][i % 3] as string },
    { name: 'status', value: '200' },
    { name: 'url', value: `http://127.0.0.1/t/x/${i}` },
  ]);
  return Array.from({ length: steps }, (_, s) => {
    const step = fromStep + s;
    const timeseries: TimeSeries[] = labels.map((l, i) => ({ labels: l, samples: [{ timestamp: t0 + step * 15_000, value: step * 100 + i }] }));
    return encodeWriteRequest({ timeseries });
  });
}

interface Run {
  samplesPerSecond: number;
  samplesPerCpuSecond: number;
  msPerRequest: number;
}

async function sendAll(target: Target, payloads: Buffer[], series: number): Promise<Run> {
  const cpu0 = await cpuSeconds(target.pid);
  const started = performance.now();
  for (const body of payloads) {
    const res = await fetch(`${target.url}/api/v1/write`, { method: 'POST', headers: { ...REMOTE_WRITE_HEADERS, ...target.headers }, body: new Uint8Array(body) });
    if (res.status !== 204 && res.status !== 200) throw new Error(`${target.name} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    await res.arrayBuffer();
  }
  const wall = (performance.now() - started) / 1000;
  const cpu = Math.max((await cpuSeconds(target.pid)) - cpu0, 1 / CLOCK_TICKS_PER_SECOND);
  const samples = payloads.length * series;
  return { samplesPerSecond: samples / wall, samplesPerCpuSecond: samples / cpu, msPerRequest: (wall * 1000) / payloads.length };
}

const round = (n: number): number => Math.round(n * 100) / 100;
/** `met` null: a figure reported beside its peer, with no goal of its own */
const row = (figure: string, ours: number, peer: number, goal: string, met: boolean | null): BenchRow => ({
  figure, unit: '', ours: round(ours), peer: round(peer), ratio: round(ours / peer), goal, met,
});

async function remoteWriteRows(ours: Target, prometheus: Target, seriesCounts: readonly number[], seconds: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const perSeriesCpu: number[] = [];
  const t0 = Date.now() - 3_600_000;
  let step = 0;
  for (const series of seriesCounts) {
    // about `seconds` per run at the 30,000 samples/s we reach; at least 20 requests
    const steps = Math.max(20, Math.round((seconds * 30_000) / series));
    const runs = { ours: [] as Run[], peer: [] as Run[] };
    // a warm-up as long as a run (the JIT settles), then alternating runs, fresh timestamps each
    for (const phase of ['warm', 'a', 'b'] as const) {
      const payloads = bodies(series, steps, step, t0);
      step += payloads.length;
      const a = await sendAll(ours, payloads, series);
      const b = await sendAll(prometheus, payloads, series);
      if (phase !== 'warm') {
        runs.ours.push(a);
        runs.peer.push(b);
      }
    }
    const best = (list: Run[], key: keyof Run) => Math.max(...list.map((r) => r[key]));
    const oursCpu = best(runs.ours, 'samplesPerCpuSecond');
    const peerCpu = best(runs.peer, 'samplesPerCpuSecond');
    rows.push(row(`remote write samples/s, ${series} series`, best(runs.ours, 'samplesPerSecond'), best(runs.peer, 'samplesPerSecond'), '(for information)', null));
    rows.push(row(`remote write samples per CPU-second, ${series} series`, oursCpu, peerCpu, '>= 0.5x peer', oursCpu >= 0.5 * peerCpu));
    const msPerRequest = Math.min(...runs.ours.map((r) => r.msPerRequest));
    const peerMs = Math.min(...runs.peer.map((r) => r.msPerRequest));
    rows.push(row(`remote write ms per request, ${series} series`, msPerRequest, peerMs, '(for information)', null));
    // CPU, not wall time: on a shared machine the wall clock also counts other processes
    perSeriesCpu.push(1 / oursCpu);
  }
  const first = perSeriesCpu[0] ?? 0;
  const last = perSeriesCpu.at(-1) ?? 0;
  rows.push({
    figure: `remote write CPU per series, ${seriesCounts.at(-1)} vs ${seriesCounts[0]} series (x)`,
    unit: '', ours: round(last / first), peer: 1, ratio: round(last / first), goal: '<= 1.5 (proportional to the request)', met: last / first <= 1.5,
  });
  return rows;
}

async function jsonRows(ours: Target, bare: Target, seconds: number): Promise<BenchRow[]> {
  const body = JSON.stringify({
    samples: Array.from({ length: 100 }, (_, i) => ({ service: ['messaging', 'meetings', 'docs'][i % 3], timestamp: new Date(Date.now() + i).toISOString(), rps: 1000 + i, latencyMs: 50 })),
  });
  const rate = async (target: Target, path: string): Promise<number> => {
    const result = await autocannon({ url: `${target.url}${path}`, method: 'POST', connections: 20, duration: seconds, body, headers: { 'content-type': 'application/json', ...target.headers } });
    if (result.non2xx > 0) throw new Error(`${target.name} answered ${result.non2xx} non-2xx`);
    return result.requests.average;
  };
  const oursRates = [];
  const bareRates = [];
  await rate(ours, '/api/v1/metrics');
  await rate(bare, '/ingest');
  for (let i = 0; i < 2; i++) {
    oursRates.push(await rate(ours, '/api/v1/metrics'));
    bareRates.push(await rate(bare, '/ingest'));
  }
  const o = Math.max(...oursRates);
  const p = Math.max(...bareRates);
  return [row('JSON ingest requests/s (100 samples) vs bare Fastify', o, p, '>= 0.5x peer', o >= 0.5 * p)];
}

/** Starts our server, Prometheus and a bare Fastify route, measures, stops them; the rows for one table. */
export async function remoteWriteBench(options: RemoteWriteBenchOptions = {}): Promise<BenchRow[]> {
  const seconds = Math.min(Math.max(options.seconds ?? 3, 1), 30);
  const dir = await mkdtemp(join(tmpdir(), 'fc-bench-rw-'));
  const targets: Target[] = [];
  try {
    const oursPort = await freePort();
    const ours = await startChild('flashcrowd', process.execPath, [SELF, '--serve-ours', String(oursPort), dir], oursPort, '/healthz');
    targets.push(ours);
    const token = await readFile(join(dir, 'token'), 'utf8');
    ours.headers.authorization = `Bearer ${token}`;
    const promPort = await freePort();
    const prometheus = await startChild('prometheus', options.prometheus ?? '/usr/bin/prometheus', [
      '--web.enable-remote-write-receiver', '--storage.tsdb.path', join(dir, 'prometheus'), '--web.listen-address', `127.0.0.1:${promPort}`,
      '--config.file', join(dir, 'prometheus.yml'), '--log.level', 'error',
    ], promPort, '/-/ready');
    targets.push(prometheus);
    const barePort = await freePort();
    const bare = await startChild('bare fastify', process.execPath, [SELF, '--serve-bare', String(barePort)], barePort, '/healthz');
    targets.push(bare);
    return [
      ...(await remoteWriteRows(ours, prometheus, options.seriesCounts ?? [400, 1600, 6400], seconds)),
      ...(await jsonRows(ours, bare, seconds)),
    ];
  } finally {
    for (const t of targets) await t.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The child processes: our whole app on a file store, or the bare route. */
async function serve(mode: string, port: number, dir: string | undefined): Promise<void> {
  if (mode === '--serve-bare') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ bodyLimit: 1024 * 1024 });
    app.get('/healthz', async () => ({ ok: true }));
    app.post('/ingest', async (req) => ({ accepted: (req.body as { samples: unknown[] }).samples.length }));
    await app.listen({ port, host: '127.0.0.1' });
    exitOnTerm(() => app.close());
    return;
  }
  if (!dir) throw new Error('--serve-ours needs a directory');
  const { writeFile } = await import('node:fs/promises');
  const { buildApp } = await import('../server/http/app.js');
  const { createToken } = await import('../server/auth/tokens.js');
  const { loadDefaultPlan } = await import('../server/plan-file.js');
  const { openSqliteStore } = await import('../server/store/open-sqlite-store.js');
  const plan = await loadDefaultPlan();
  if (!plan.ok) throw new Error('the default plan must load');
  const store = await openSqliteStore(join(dir, 'bench.db'));
  const app = await buildApp({ plan: plan.value, planText: '', store, webhooks: { enabled: false }, limits: { ingestPerMinute: 100_000_000 } });
  await writeFile(join(dir, 'token'), (await createToken(store, 'ingest', 'bench', Date.now())).token);
  await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\n');
  await app.listen({ port, host: '127.0.0.1' });
  exitOnTerm(async () => {
    await app.close();
    await store.close();
  });
}

/** exit cleanly on SIGTERM, so `node --cpu-prof` writes its profile */
function exitOnTerm(close: () => Promise<unknown>): void {
  process.once('SIGTERM', () => void close().finally(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, port, dir] = process.argv.slice(2);
  if (mode === '--serve-ours' || mode === '--serve-bare') {
    await serve(mode, Number(port), dir);
  } else {
    const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, prometheus: { type: 'string' }, rows: { type: 'string' } } });
    const rows = await remoteWriteBench({ seconds: Number(values.seconds) || 3, ...(values.prometheus ? { prometheus: values.prometheus } : {}) });
    console.log(`Node ${process.version}, loopback, each target in its own process`);
    for (const line of formatTable(ROW_HEADER, rows.map(rowCells), 1)) console.log(line);
    writeRows(values.rows, rows);
  }
}
