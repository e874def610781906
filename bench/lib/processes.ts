/**
 * Targets in processes of their own, so what each one costs can be read from /proc while
 * the load generator runs in the bench's process. Every target listens on 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

const CLOCK_TICKS_PER_SECOND = 100;
/** the resolution of /proc CPU times: a run must cost many of these to be read */
export const CPU_TICK_SECONDS = 1 / CLOCK_TICKS_PER_SECOND;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** user + system CPU seconds of a process (all its threads) so far */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** A process and its children (nginx: the master and its workers). */
export async function withChildren(pid: number): Promise<number[]> {
  const pids = [pid];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) pids.push(Number(entry));
  }
  return pids;
}

/** CPU seconds of each of several processes; null for one that has exited */
export async function cpuSecondsOf(pids: readonly number[]): Promise<(number | null)[]> {
  return Promise.all(pids.map((pid) => cpuSeconds(pid).catch(() => null)));
}

/**
 * CPU seconds the processes spent between two readings. One gone by the second reading
 * (nginx's cache loader exits a minute after start) adds nothing.
 */
export function cpuSpent(before: readonly (number | null)[], after: readonly (number | null)[]): number {
  let total = 0;
  for (const [i, a] of after.entries()) {
    const b = before[i];
    if (a !== null && b !== null && b !== undefined) total += a - b;
  }
  return total;
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

export interface Target {
  name: string;
  url: string;
  pid: number;
  headers: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts `command` and waits until `ready` (a path) answers 2xx on `port`. */
export async function startChild(name: string, command: string, args: string[], port: number, ready: string, headers: Record<string, string> = {}): Promise<Target> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}${ready}`, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    name, url, pid: child.pid ?? 0, headers,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** exit cleanly on SIGTERM, so `node --cpu-prof` writes its profile */
export function exitOnTerm(close: () => Promise<unknown>): void {
  process.once('SIGTERM', () => void close().finally(() => process.exit(0)));
}
