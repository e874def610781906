/**
 * One autocannon run against a target in its own process: requests per second, and the
 * requests the target served per CPU-second of its own, read from /proc around the run.
 */
import autocannon from 'autocannon';
import { cpuSecondsOf, cpuSpent, CPU_TICK_SECONDS } from './processes.js';

export interface LoadRun {
  rps: number;
  /** requests per CPU-second of the target's processes; null when their CPU time is not readable */
  perCpuSecond: number | null;
  p99Ms: number;
}

export async function loadRun(options: autocannon.Options, pids: readonly number[]): Promise<LoadRun> {
  const before = await cpuSecondsOf(pids);
  const result = await autocannon(options);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${String(options.url)}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const cpu = cpuSpent(before, await cpuSecondsOf(pids));
  return {
    rps: result.requests.average,
    perCpuSecond: pids.length > 0 ? result.requests.total / Math.max(cpu, CPU_TICK_SECONDS) : null,
    p99Ms: result.latency.p99,
  };
}
