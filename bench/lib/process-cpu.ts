/**
 * CPU time a process has used so far (user + system), read from /proc: how a benchmark tells
 * what each of its processes cost, apart from the wall time that a shared machine stretches.
 * Null where /proc is not there (not Linux) or the process is gone.
 */
import { readFileSync } from 'node:fs';

/** clock ticks per second in /proc's times: USER_HZ, 100 on every Linux architecture Node runs on */
const USER_HZ = 100;

export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // the command name may hold spaces and parentheses: the fields start after its last ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}
