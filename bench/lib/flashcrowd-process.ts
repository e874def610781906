/**
 * `flashcrowd serve` from the built dist/ as a child process on 127.0.0.1 at a free port,
 * named with FLASHCROWD_INSTANCE_NAME, optionally on a shared PostgreSQL database: one
 * instance of a cluster, for the tests and benchmarks that need real processes (SIGKILL,
 * several instances, thousands of sockets).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FROM_DIST = fileURLToPath(new URL('../../../', import.meta.url));
const FROM_SOURCE = fileURLToPath(new URL('../../', import.meta.url));
/** the repository root, whether this file runs from bench/ or from dist/bench/ */
export const REPO_ROOT = existsSync(`${FROM_DIST}bin/flashcrowd.js`) ? FROM_DIST : FROM_SOURCE;

const LISTENING = /flashcrowd listening on (http:\/\/127\.0\.0\.1:\d+)/;

export interface InstanceOptions {
  name: string;
  dataDir: string;
  adminToken: string;
  /** PostgreSQL shared by the cluster; absent: the instance's own SQLite file */
  databaseUrl?: string;
  /** a fixed port, for an instance restarted behind a proxy that knows its address; default a free one */
  port?: number;
  extraArgs?: readonly string[];
  extraEnv?: Readonly<Record<string, string>>;
  readyWithinMs?: number;
}

export interface Instance {
  name: string;
  url: string;
  /** host:port, as a proxy's upstream names it */
  address: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** everything it printed, for a failing check's message */
  output(): string;
  /** SIGKILL, and wait until the process is gone */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s */
  stop(): Promise<void>;
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  if (!existsSync(`${REPO_ROOT}dist/server/cli/main.js`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const child = spawn(
    process.execPath,
    ['bin/flashcrowd.js', 'serve', '--port', String(options.port ?? 0), '--host', '127.0.0.1', '--data-dir', options.dataDir, '--webhook-allow-private', ...(options.extraArgs ?? [])],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        FLASHCROWD_ADMIN_TOKEN: options.adminToken,
        FLASHCROWD_INSTANCE_NAME: options.name,
        FLASHCROWD_LOG_LEVEL: 'warn',
        ...(options.databaseUrl ? { FLASHCROWD_DATABASE_URL: options.databaseUrl } : {}),
        ...options.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer): void => {
    // bounded: a chatty instance must not grow the test's memory without end
    output = (output + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const readyWithinMs = options.readyWithinMs ?? 60_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`instance ${options.name} did not listen within ${readyWithinMs} ms:\n${output}`));
    }, readyWithinMs);
    child.stdout?.on('data', () => {
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`instance ${options.name} exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    name: options.name,
    url,
    address: url.replace('http://', ''),
    child,
    exited,
    output: () => output,
    async kill() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    },
  };
}
