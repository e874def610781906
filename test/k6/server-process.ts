/**
 * The real server as a child process, the way a platform team runs it: built dist/,
 * `flashcrowd serve` on a free loopback port with its own data folder.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  /** everything the server printed, for a failing test's message */
  output: () => string;
  stop: () => Promise<void>;
}

const LISTENING = /flashcrowd listening on (http:\/\/[^\s]+)/;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited(child);
  clearTimeout(forced);
}

export async function startServer(dataDir: string, adminToken: string, readyWithinMs = 30_000): Promise<RunningServer> {
  if (!existsSync(`${REPO}dist/server`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const child = spawn(process.execPath, ['bin/flashcrowd.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    cwd: REPO,
    env: { ...process.env, FLASHCROWD_ADMIN_TOKEN: adminToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not say it was listening within ${readyWithinMs} ms:\n${output}`)), readyWithinMs);
    const watch = (): void => {
      const match = LISTENING.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout?.on('data', watch);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  return { baseUrl, output: () => output, stop: () => stop(child) };
}
