/**
 * Where the k6 binary is: K6_BIN, else the Go bin folder load/install-k6.sh builds into,
 * else `k6` on PATH. Null when none of them runs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const runs = (bin: string): boolean => spawnSync(bin, ['version'], { encoding: 'utf8', timeout: 10_000 }).status === 0;

function goBin(): string | null {
  const gopath = spawnSync('go', ['env', 'GOPATH'], { encoding: 'utf8', timeout: 10_000 });
  return gopath.status === 0 && gopath.stdout.trim() !== '' ? join(gopath.stdout.trim(), 'bin', 'k6') : null;
}

export function findK6(): string | null {
  const explicit = process.env.K6_BIN;
  if (explicit !== undefined && explicit !== '') return runs(explicit) ? explicit : null;
  const fromGo = goBin();
  if (fromGo !== null && runs(fromGo)) return fromGo;
  return runs('k6') ? 'k6' : null;
}

export const INSTALL_HINT = 'install k6 with `bash load/install-k6.sh` (builds the pinned release with Go) or see load/README.md';
