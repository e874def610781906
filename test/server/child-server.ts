/**
 * `flashcrowd serve` from the built dist/ as a child process on 127.0.0.1 at a free port,
 * for tests of what only a real process shows: kill -9, restart, SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const LISTENING = /flashcrowd listening on (http:\/\/127\.0\.0\.1:\d+)/;

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** everything it printed, for a failing test's message */
  output(): string;
  /** fetch a path of this server, JSON in and out, with an optional bearer token */
  call(path: string, init?: { method?: string; token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
}

export async function startChildServer(dataDir: string, adminToken: string, readyWithinMs = 30_000): Promise<ChildServer> {
  if (!existsSync(`${REPO}dist/server/cli/main.js`)) throw new Error('dist/ is missing: run `npm run build` first');
  const child = spawn(process.execPath, ['bin/flashcrowd.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    cwd: REPO,
    // the tests' webhook receivers listen on loopback, which only an on-premises install may reach
    env: { ...process.env, FLASHCROWD_ADMIN_TOKEN: adminToken, FLASHCROWD_LOG_LEVEL: 'warn', FLASHCROWD_WEBHOOK_ALLOW_PRIVATE: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not listen within ${readyWithinMs} ms:\n${output}`)), readyWithinMs);
    child.stdout?.on('data', () => {
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    child,
    exited,
    output: () => output,
    async call(path, init = {}) {
      const headers: Record<string, string> = {};
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
      const text = await res.text();
      return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
  };
}

/** Stop it if a test left it running; SIGKILL so a hung shutdown cannot hang the suite. */
export async function ensureStopped(server: ChildServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}
