/**
 * HTTP throughput of the paths that take a crowd. Our server and its peer each run in a
 * process of their own, the load generator (autocannon) in this one; each figure is a
 * warm-up and then five runs per side (--rounds, at least three), alternating, the order
 * flipping each round, and the medians are compared. The requests each server answers per CPU-second of its own process
 * are printed beside the rates: when the load generator, not the server, is the limit, that
 * is where a server's own cost shows.
 *
 * - ingest: POST /api/v1/metrics with 100-sample batches against a bare Fastify route that
 *   only parses the same JSON body;
 * - status: GET /api/v2/summary.json during a drill's incident against a bare Fastify route
 *   sending the same bytes, and through the shipped nginx configuration against nginx
 *   serving the same bytes as a static file; plus how stale nginx's copy gets;
 * - traffic target: /t/:service/* against a bare route that waits the same delay.
 *
 *   npm run build && node dist/bench/http-throughput.js [--seconds 5] [--connections 50] [--rounds 5] [--only summary]
 *
 * --only ingest|summary|traffic|nginx runs that figure alone (while working on one path).
 *
 * Bounded: every run lasts --seconds, every process listens on 127.0.0.1 and is stopped at the end.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { formatTable } from '../server/cli/table.js';
import { benchRow, rowCells, ROW_HEADER, writeRows, type BenchRow } from './lib/bench-rows.js';
import { loadRun, type LoadRun } from './lib/load.js';
import { alternate, median } from './lib/median.js';
import { freePort, startChild, withChildren, type Target } from './lib/processes.js';
import { nginxAvailable, startNginx, HOW_TO_GET_NGINX } from './peers/nginx.js';
import { answerOf, type BenchTokens, type PeerSpec } from './lib/peer-spec.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '50' }, rounds: { type: 'string', default: '5' }, rows: { type: 'string' }, only: { type: 'string' } },
});
const FIGURES = ['ingest', 'summary', 'traffic', 'nginx'] as const;
type Figure = (typeof FIGURES)[number];
if (values.only !== undefined && !(FIGURES as readonly string[]).includes(values.only)) {
  console.error(`--only ${values.only}: expected one of ${FIGURES.join(', ')}`);
  process.exit(2);
}
const runs = (figure: Figure): boolean => values.only === undefined || values.only === figure;
const duration = Math.min(Math.max(Number(values.seconds) || 5, 1), 60);
const connections = Math.min(Math.max(Number(values.connections) || 50, 1), 500);
// five by default: on a shared machine a single run of either side can be off by half
const ROUNDS = Math.min(Math.max(Number(values.rounds) || 5, 3), 15);
const SERVE_TARGET = fileURLToPath(new URL('./serve-target.js', import.meta.url));
/** answered after a steady delay, not refused, at the point of the drill the bench stops at */
const TRAFFIC_SERVICE = 'docs';

async function waitForFile(path: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    if (existsSync(path)) return readFile(path, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} did not appear in 60 s`);
}

const dir = await mkdtemp(join(tmpdir(), 'fc-bench-'));
const targets: Target[] = [];
const raw: string[][] = [];
const rows: BenchRow[] = [];
try {
  const oursPort = await freePort();
  const ours = await startChild('flashcrowd', process.execPath, [SERVE_TARGET, 'ours', String(oursPort), dir, '--incident'], oursPort, '/healthz');
  targets.push(ours);
  const tokens = JSON.parse(await waitForFile(join(dir, 'tokens.json'))) as BenchTokens;
  const url = ours.url;

  const trafficDir = join(dir, 'traffic');
  await mkdir(trafficDir);
  const trafficPort = await freePort();
  const trafficServer = await startChild('flashcrowd, drill running', process.execPath, [SERVE_TARGET, 'ours', String(trafficPort), trafficDir, '--traffic'], trafficPort, '/healthz');
  targets.push(trafficServer);
  await waitForFile(join(trafficDir, 'tokens.json'));
  const trafficPath = `/t/${TRAFFIC_SERVICE}/bench`;
  const trafficDelay = async () => ((await (await fetch(`${trafficServer.url}${trafficPath}`)).json()) as { delayMs: number }).delayMs;

  const batch = JSON.stringify({
    samples: Array.from({ length: 100 }, (_, i) => ({ service: ['messaging', 'meetings', 'docs'][i % 3], timestamp: Date.now(), rps: 1000 + i, latencyMs: 50 })),
  });
  const summary = await answerOf(`${url}/api/v2/summary.json`);
  const summaryBody = summary.body;
  const traffic = { ...(await answerOf(`${trafficServer.url}${trafficPath}`)), delayMs: await trafficDelay() };
  const ingest = await answerOf(`${url}/api/v1/metrics`, { method: 'POST', headers: { authorization: `Bearer ${tokens.ingest}`, 'content-type': 'application/json' }, body: batch });
  const spec: PeerSpec = { ingest, summary, traffic };
  await writeFile(join(dir, 'peer.json'), JSON.stringify(spec));
  const peerPort = await freePort();
  const peer = await startChild('bare fastify', process.execPath, [SERVE_TARGET, 'bare', String(peerPort), dir], peerPort, '/healthz');
  targets.push(peer);


  const line = (label: string, runs: readonly LoadRun[]): string[] => [
    label,
    Math.round(median(runs.map((r) => r.rps))).toLocaleString('en'),
    runs.map((r) => Math.round(r.rps).toLocaleString('en')).join(' / '),
    runs[0]?.perCpuSecond === null ? '-' : Math.round(median(runs.map((r) => r.perCpuSecond ?? 0))).toLocaleString('en'),
    String(median(runs.map((r) => r.p99Ms))),
  ];

  /** ours against the peer, alternating; a row for the rate's goal and one for the CPU cost */
  async function pair(figure: string, sides: Record<'ours' | 'peer', { options: autocannon.Options; pids: number[] }>, minRatio: number): Promise<void> {
    const runs = await alternate(['ours', 'peer'], ROUNDS, (side) => {
      const { options, pids } = sides[side as 'ours' | 'peer'];
      return loadRun({ connections, duration, ...options }, pids);
    });
    const o = runs.get('ours') ?? [];
    const p = runs.get('peer') ?? [];
    raw.push(line(`${figure}: ours`, o), line(`${figure}: peer`, p));
    rows.push(benchRow(`${figure}: req/s`, 'req/s', median(o.map((r) => r.rps)), median(p.map((r) => r.rps)), { kind: 'ratio-at-least', value: minRatio }));
    if (o[0]?.perCpuSecond != null && p[0]?.perCpuSecond != null) {
      rows.push(benchRow(`${figure}: requests per CPU-second of the server`, '', median(o.map((r) => r.perCpuSecond ?? 0)), median(p.map((r) => r.perCpuSecond ?? 0)), { kind: 'none' }));
    }
  }

  const auth = { authorization: `Bearer ${tokens.ingest}`, 'content-type': 'application/json' };
  if (runs('ingest')) await pair('JSON ingest, 100-sample batches (peer: bare Fastify parsing the body)', {
    ours: { options: { url: `${url}/api/v1/metrics`, method: 'POST', headers: auth, body: batch }, pids: [ours.pid] },
    peer: { options: { url: `${peer.url}/ingest`, method: 'POST', headers: { 'content-type': 'application/json' }, body: batch }, pids: [peer.pid] },
  }, 0.5);
  if (runs('summary')) await pair('summary.json from the server (peer: bare Fastify, same bytes)', {
    ours: { options: { url: `${url}/api/v2/summary.json` }, pids: [ours.pid] },
    peer: { options: { url: `${peer.url}/summary.json` }, pids: [peer.pid] },
  }, 0.9);
  if (runs('traffic')) await pair(`traffic target, ${connections * 8} connections, ${traffic.delayMs} ms delay (peer: bare route, same delay)`, {
    ours: { options: { url: `${trafficServer.url}${trafficPath}`, connections: connections * 8 }, pids: [trafficServer.pid] },
    peer: { options: { url: `${peer.url}${trafficPath}`, connections: connections * 8 }, pids: [peer.pid] },
  }, 0.95);
  const delayAfter = await trafficDelay();
  if (delayAfter !== traffic.delayMs) console.warn(`the drill's delay moved from ${traffic.delayMs} to ${delayAfter} ms during the traffic runs`);

  if (runs('nginx') && nginxAvailable()) {
    const staticRoot = join(dir, 'static');
    await mkdir(staticRoot);
    await writeFile(join(staticRoot, 'summary.json'), summaryBody);
    // nginx's workers drop to an unprivileged user when the bench runs as root
    await chmod(dir, 0o755);
    await chmod(staticRoot, 0o755);
    await chmod(join(staticRoot, 'summary.json'), 0o644);
    // the peer sends the headers a client gets through nginx from ours, as every peer here
    // does: nginx makes its own ETag and Content-Type, and consumes X-Accel-Expires
    const NGINX_MAKES = new Set(['etag', 'content-type', 'x-accel-expires']);
    const headers = Object.fromEntries(Object.entries(summary.headers).filter(([name]) => !NGINX_MAKES.has(name)));
    const nginx = await startNginx({ instances: [url.replace('http://', '')], staticPeer: { root: staticRoot, headers: { ...headers, 'x-cache-status': 'HIT' } } });
    try {
      // one nginx serves both sides, one side at a time: its CPU during a run is that side's
      const nginxPids = await withChildren(nginx.pid);
      await pair('summary.json through the shipped nginx config (peer: nginx static file)', {
        ours: { options: { url: `${nginx.url}/api/v2/summary.json` }, pids: nginxPids },
        peer: { options: { url: `${nginx.staticUrl}/summary.json` }, pids: nginxPids },
      }, 0.8);
      rows.push(benchRow('status document staleness through nginx, worst of 5 changes', 'ms', await staleness(nginx.url, url, tokens.admin), null, { kind: 'ours-at-most', value: 2000 }));
    } finally {
      await nginx.stop();
    }
  } else if (runs('nginx')) {
    console.warn(`nginx rows left out: ${HOW_TO_GET_NGINX}`);
  }
} finally {
  for (const t of targets) await t.stop();
  await rm(dir, { recursive: true, force: true });
}

/** After a change, how long until nginx serves it: the copy's age a reader can meet. */
async function staleness(nginxUrl: string, serverUrl: string, adminToken: string): Promise<number> {
  let worst = 0;
  for (let i = 0; i < 5; i++) {
    await fetch(`${nginxUrl}/api/v2/incidents.json`);
    // changes land at different points of nginx's one-second cache life
    await new Promise((r) => setTimeout(r, 137 * i));
    const marker = `bench-${i}-${Date.now()}`;
    const t0 = performance.now();
    const posted = await fetch(`${serverUrl}/api/v1/notices`, {
      method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'docs', stage: 'investigating', text: { en: { title: marker, body: 'bench' }, 'zh-CN': { title: marker, body: 'bench' } } }),
    });
    if (!posted.ok) throw new Error(`posting a notice answered ${posted.status}: ${await posted.text()}`);
    while (!(await (await fetch(`${nginxUrl}/api/v2/incidents.json`)).text()).includes(marker)) {
      if (performance.now() - t0 > 10_000) throw new Error('nginx never served the change');
      await new Promise((r) => setTimeout(r, 20));
    }
    worst = Math.max(worst, performance.now() - t0);
  }
  return worst;
}

console.log(`${duration}s per run, ${connections} connections, loopback, Node ${process.version}; medians of ${ROUNDS} alternating runs after a warm-up`);
for (const l of formatTable(['run', 'req/s (median)', 'req/s (each run)', 'req per CPU-s', 'p99 ms'], raw, 1)) console.log(l);
for (const l of formatTable(ROW_HEADER, rows.map(rowCells), 1)) console.log(l);
writeRows(values.rows, rows);
