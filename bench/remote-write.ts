/**
 * Ingest cost against peers, each target in a process of its own so its CPU time can be read
 * from /proc, driven by the same client in alternating runs (a warm-up, then three rounds,
 * the order flipping each round; medians reported):
 *
 * - remote write: the same snappy WriteRequest bodies (every live series in each request, one
 *   new sample per series, as k6 pushes) sent one after another to POST /api/v1/write and to
 *   Prometheus' own receiver, at 400, 1,600 and 6,400 live series. Goals: at least
 *   Prometheus' samples per CPU-second, at least half its samples per second.
 * - cost follows the request: CPU per series in the request at 6,400 series per request
 *   against 400, and CPU per request of 100 series while holding 6,400 series against
 *   holding 400; both within 1.5x.
 * - JSON ingest: POST /api/v1/metrics with 100-sample batches against a bare Fastify route
 *   parsing the same body (autocannon); goal at least 0.5x its requests/s.
 *
 *   npm run build && node dist/bench/remote-write.js [--seconds 3] [--prometheus /usr/bin/prometheus]
 *
 * Bounded: every process listens on 127.0.0.1 and is stopped at the end.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable } from '../server/cli/table.js';
import { encodeWriteRequest, type TimeSeries } from '../server/ingest/remote-write.js';
import { benchRow, rowCells, ROW_HEADER, writeRows, type BenchRow } from './lib/bench-rows.js';
import { loadRun } from './lib/load.js';
import { alternate, median } from './lib/median.js';
import { cpuSeconds, CPU_TICK_SECONDS, freePort, startChild, type Target } from './lib/processes.js';
import { answerOf, type BenchTokens, type PeerSpec } from './lib/peer-spec.js';

export interface RemoteWriteBenchOptions {
  /** seconds per measured run (about) */
  seconds?: number;
  prometheus?: string;
  seriesCounts?: readonly number[];
}

const SERVE_TARGET = fileURLToPath(new URL('./serve-target.js', import.meta.url));
const REMOTE_WRITE_HEADERS = { 'content-encoding': 'snappy', 'content-type': 'application/x-protobuf', 'x-prometheus-remote-write-version': '0.1.0' };
const ROUNDS = 3;
/** series in each request of the runs that hold the request's size still and grow the state */
const SMALL_REQUEST = 100;

function labelSets(series: number): TimeSeries['labels'][] {
  return Array.from({ length: series }, (_, i) => [
    { name: '__name__', value: 'k6_http_reqs_total' },
    { name: 'instance', value: `load-${i % 50}` },
    { name: 'method', value: 'GET' },
    { name: 'service', value: ['messaging', 'meetings', 'docs'][i % 3] as string },
    { name: 'status', value: '200' },
    { name: 'url', value: `http://127.0.0.1/t/x/${i}` },
  ]);
}

/** One request per step: the given series with one new sample each, 15 s apart, counters rising. */
function bodies(labels: readonly TimeSeries['labels'][], steps: number, fromStep: number, t0: number): Buffer[] {
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
  cpuMsPerRequest: number;
}

async function sendAll(target: Target, payloads: readonly Buffer[], series: number): Promise<Run> {
  const cpu0 = await cpuSeconds(target.pid);
  const started = performance.now();
  for (const body of payloads) {
    const res = await fetch(`${target.url}/api/v1/write`, { method: 'POST', headers: { ...REMOTE_WRITE_HEADERS, ...target.headers }, body: new Uint8Array(body) });
    if (res.status !== 204 && res.status !== 200) throw new Error(`${target.name} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    await res.arrayBuffer();
  }
  const wall = (performance.now() - started) / 1000;
  const cpu = Math.max((await cpuSeconds(target.pid)) - cpu0, CPU_TICK_SECONDS);
  const samples = payloads.length * series;
  return { samplesPerSecond: samples / wall, samplesPerCpuSecond: samples / cpu, msPerRequest: (wall * 1000) / payloads.length, cpuMsPerRequest: (cpu * 1000) / payloads.length };
}

const mid = (runs: readonly Run[], key: keyof Run): number => median(runs.map((r) => r[key]));

async function remoteWriteRows(targets: Record<'ours' | 'peer', Target>, seriesCounts: readonly number[], seconds: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cpuPerSeries: number[] = [];
  const smallRequestCpu: number[] = [];
  const t0 = Date.now() - 3_600_000;
  let step = 0;
  for (const series of seriesCounts) {
    const labels = labelSets(series);
    // about `seconds` per run at 150,000 samples/s; at least 20 requests
    const steps = Math.max(20, Math.round((seconds * 150_000) / series));
    // both sides get the same bodies in a round; every round has fresh timestamps
    const rounds = new Map<number, Buffer[]>();
    const payloadsFor = (round: number): Buffer[] => {
      let payloads = rounds.get(round);
      if (!payloads) {
        payloads = bodies(labels, steps, step, t0);
        step += steps;
        rounds.set(round, payloads);
      }
      return payloads;
    };
    const runs = await alternate(['ours', 'peer'], ROUNDS, (side, round) => sendAll(targets[side as 'ours' | 'peer'], payloadsFor(round), series));
    const ours = runs.get('ours') ?? [];
    const peer = runs.get('peer') ?? [];
    rows.push(benchRow(`remote write, ${series} series per request: samples/s`, '', mid(ours, 'samplesPerSecond'), mid(peer, 'samplesPerSecond'), { kind: 'ratio-at-least', value: 0.5 }));
    rows.push(benchRow(`remote write, ${series} series per request: samples per CPU-second`, '', mid(ours, 'samplesPerCpuSecond'), mid(peer, 'samplesPerCpuSecond'), { kind: 'ratio-at-least', value: 1 }));
    rows.push(benchRow(`remote write, ${series} series per request: ms per request`, 'ms', mid(ours, 'msPerRequest'), mid(peer, 'msPerRequest'), { kind: 'none' }));
    cpuPerSeries.push(1 / mid(ours, 'samplesPerCpuSecond'));

    // the state now holds `series` series: requests of 100 of them, fresh samples
    const small = labels.slice(0, SMALL_REQUEST);
    const smallSteps = Math.max(200, Math.round(seconds * 400));
    const smallRuns: number[] = [];
    for (let round = -1; round < ROUNDS; round++) {
      const run = await sendAll(targets.ours, bodies(small, smallSteps, step, t0), SMALL_REQUEST);
      step += smallSteps;
      if (round >= 0) smallRuns.push(run.cpuMsPerRequest);
    }
    smallRequestCpu.push(median(smallRuns));
    rows.push(benchRow(`remote write, ${SMALL_REQUEST} series per request, holding ${series}: CPU ms per request`, 'ms', median(smallRuns), null, { kind: 'none' }));
  }
  const first = seriesCounts[0];
  const last = seriesCounts.at(-1);
  const growth = (list: readonly number[]) => (list.at(-1) ?? 0) / (list[0] ?? 1);
  rows.push(benchRow(`remote write CPU per series in the request, ${last} vs ${first} per request (x)`, '', growth(cpuPerSeries), null, { kind: 'ours-at-most', value: 1.5 }));
  rows.push(benchRow(`remote write CPU per ${SMALL_REQUEST}-series request, holding ${last} vs ${first} series (x)`, '', growth(smallRequestCpu), null, { kind: 'ours-at-most', value: 1.5 }));
  return rows;
}

const JSON_BATCH = JSON.stringify({
  samples: Array.from({ length: 100 }, (_, i) => ({ service: ['messaging', 'meetings', 'docs'][i % 3], timestamp: new Date(Date.now() + i).toISOString(), rps: 1000 + i, latencyMs: 50 })),
});

async function jsonRows(ours: Target, bare: Target, seconds: number): Promise<BenchRow[]> {
  const body = JSON_BATCH;
  const paths = { ours: '/api/v1/metrics', peer: '/ingest' };
  const targets = { ours, peer: bare };
  const runs = await alternate(['ours', 'peer'], ROUNDS, (side) => {
    const target = targets[side as 'ours' | 'peer'];
    return loadRun({ url: `${target.url}${paths[side as 'ours' | 'peer']}`, method: 'POST', connections: 20, duration: seconds, body, headers: { 'content-type': 'application/json', ...target.headers } }, [target.pid]);
  });
  const o = runs.get('ours') ?? [];
  const p = runs.get('peer') ?? [];
  return [
    benchRow('JSON ingest, 100-sample batches (peer: bare Fastify parsing the body): req/s', 'req/s', median(o.map((r) => r.rps)), median(p.map((r) => r.rps)), { kind: 'ratio-at-least', value: 0.5 }),
    benchRow('JSON ingest, 100-sample batches: requests per CPU-second of the server', '', median(o.map((r) => r.perCpuSecond ?? 0)), median(p.map((r) => r.perCpuSecond ?? 0)), { kind: 'none' }),
  ];
}

async function waitForFile(path: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    if (existsSync(path)) return readFile(path, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} did not appear in 30 s`);
}

/** Starts our server, Prometheus and a bare Fastify route, measures, stops them; the rows for one table. */
export async function remoteWriteBench(options: RemoteWriteBenchOptions = {}): Promise<BenchRow[]> {
  const seconds = Math.min(Math.max(options.seconds ?? 3, 1), 30);
  const dir = await mkdtemp(join(tmpdir(), 'fc-bench-rw-'));
  const targets: Target[] = [];
  try {
    const oursPort = await freePort();
    const ours = await startChild('flashcrowd', process.execPath, [SERVE_TARGET, 'ours', String(oursPort), dir], oursPort, '/healthz');
    targets.push(ours);
    const tokens = JSON.parse(await waitForFile(join(dir, 'tokens.json'))) as BenchTokens;
    ours.headers.authorization = `Bearer ${tokens.ingest}`;
    await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\n');
    const promPort = await freePort();
    const prometheus = await startChild('prometheus', options.prometheus ?? '/usr/bin/prometheus', [
      '--web.enable-remote-write-receiver', '--storage.tsdb.path', join(dir, 'prometheus'), '--web.listen-address', `127.0.0.1:${promPort}`,
      '--config.file', join(dir, 'prometheus.yml'), '--log.level', 'error',
    ], promPort, '/-/ready');
    targets.push(prometheus);
    const ingest = await answerOf(`${ours.url}/api/v1/metrics`, { method: 'POST', headers: { ...ours.headers, 'content-type': 'application/json' }, body: JSON_BATCH });
    await writeFile(join(dir, 'peer.json'), JSON.stringify({ ingest } satisfies PeerSpec));
    const barePort = await freePort();
    const bare = await startChild('bare fastify', process.execPath, [SERVE_TARGET, 'bare', String(barePort), dir], barePort, '/healthz');
    targets.push(bare);
    return [
      ...(await remoteWriteRows({ ours, peer: prometheus }, options.seriesCounts ?? [400, 1600, 6400], seconds)),
      ...(await jsonRows(ours, bare, seconds)),
    ];
  } finally {
    for (const t of targets) await t.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, prometheus: { type: 'string' }, rows: { type: 'string' } } });
  const rows = await remoteWriteBench({ seconds: Number(values.seconds) || 3, ...(values.prometheus ? { prometheus: values.prometheus } : {}) });
  console.log(`Node ${process.version}, loopback, each target in its own process; medians of ${ROUNDS} alternating runs`);
  for (const line of formatTable(ROW_HEADER, rows.map(rowCells), 1)) console.log(line);
  writeRows(values.rows, rows);
}
