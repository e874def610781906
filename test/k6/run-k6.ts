/** Runs `k6 run` to completion, bounded in time; k6 is stopped (SIGTERM, then SIGKILL) past the bound. */
import { spawn } from 'node:child_process';
import { REPO } from './server-process.js';

export interface K6Run {
  /** exit code; null when k6 was stopped by a signal */
  code: number | null;
  output: string;
  timedOut: boolean;
  wallMs: number;
}

/** `signal` stops k6 early (SIGTERM, then SIGKILL), e.g. when the test around it has failed. */
export function runK6(bin: string, args: string[], env: Record<string, string>, timeoutMs: number, signal?: AbortSignal): Promise<K6Run> {
  const started = performance.now();
  const child = spawn(bin, ['run', '--quiet', '--no-color', ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let timedOut = false;
  const terminate = (): void => {
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  };
  const bound = setTimeout(() => {
    timedOut = true;
    terminate();
  }, timeoutMs);
  signal?.addEventListener('abort', terminate, { once: true });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(bound);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(bound);
      resolve({ code, output, timedOut, wallMs: performance.now() - started });
    });
  });
}

/** The last lines of a run's output, for an assertion message. */
export const tail = (output: string, lines = 60): string => output.split('\n').slice(-lines).join('\n');
