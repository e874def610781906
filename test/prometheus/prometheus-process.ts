/**
 * Debian's real Prometheus for tests: a generated config scraping one target on loopback
 * every second, its database in a temp dir, its own API on a free loopback port, and a
 * bounded stop. Nothing here listens or connects beyond 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN || '/usr/bin/prometheus';

/** In CI a missing binary is a failure: a skipped suite would pass unnoticed. */
export function prometheusPlan(env: NodeJS.ProcessEnv = process.env): { available: boolean; required: boolean } {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return { available: existsSync(PROMETHEUS_BIN), required: ci };
}

export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface RunningPrometheus {
  url: string;
  /** an instant query's vector; throws on an API error */
  query(expr: string): Promise<PromSample[]>;
  /** poll `expr` until `done` holds for its result, at most `boundMs` */
  waitFor(expr: string, done: (r: PromSample[]) => boolean, boundMs?: number): Promise<PromSample[]>;
  /** what Prometheus wrote to stderr, for failure messages */
  log(): string;
  stop(): Promise<void>;
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(true);
    });
  });
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface Launched {
  child: ChildProcess;
  url: string;
  stderr(): string;
}

function launch(dir: string, port: number): Launched {
  const child = spawn(PROMETHEUS_BIN, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--storage.tsdb.retention.time=1h',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  return { child, url: `http://127.0.0.1:${port}`, stderr: () => stderr };
}

/** true once /-/ready answers 200; false if the process exits first (its port was taken meanwhile) */
async function ready(p: Launched, boundMs: number): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return false;
    const res = await fetch(`${p.url}/-/ready`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
    if (res?.status === 200) return true;
    await sleep(200);
  }
  p.child.kill('SIGKILL');
  throw new Error(`prometheus was not ready within ${boundMs} ms:\n${p.stderr()}`);
}

export async function startPrometheus(target: URL): Promise<RunningPrometheus> {
  if (target.hostname !== '127.0.0.1') throw new Error(`Prometheus in tests scrapes loopback only, not ${target.hostname}`);
  const dir = await mkdtemp(join(tmpdir(), 'flashcrowd-prometheus-'));
  const config = {
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    scrape_configs: [{ job_name: 'flashcrowd', metrics_path: '/metrics', static_configs: [{ targets: [target.host] }] }],
  };
  await writeFile(join(dir, 'prometheus.yml'), stringify(config));
  let launched: Launched | null = null;
  for (let attempt = 1; launched === null; attempt++) {
    const p = launch(dir, await freeLoopbackPort());
    if (await ready(p, 30_000)) launched = p;
    else if (attempt === 3) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`prometheus exited before it was ready, ${attempt} times:\n${p.stderr()}`);
    }
  }
  const { child, url, stderr } = launched;

  const query = async (expr: string): Promise<PromSample[]> => {
    const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`, { signal: AbortSignal.timeout(5_000) });
    const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] } };
    if (body.status !== 'success' || body.data?.resultType !== 'vector') throw new Error(`query ${expr} failed: ${body.error ?? JSON.stringify(body)}`);
    return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  };

  const running: RunningPrometheus = {
    url,
    query,
    async waitFor(expr, done, boundMs = 30_000) {
      const deadline = Date.now() + boundMs;
      let last: PromSample[] | string = 'no answer yet';
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${stderr()}`);
        try {
          const r = await query(expr);
          if (done(r)) return r;
          last = r;
        } catch (err) {
          last = String(err);
        }
        await sleep(250);
      }
      throw new Error(`${expr} did not reach the expected result within ${boundMs} ms; last: ${JSON.stringify(last)}\nprometheus log:\n${stderr()}`);
    },
    log: stderr,
    async stop() {
      child.kill('SIGTERM');
      if (!(await exited(child, 10_000))) {
        child.kill('SIGKILL');
        await exited(child, 5_000);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
  return running;
}
