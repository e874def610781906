/**
 * `npm run bench`: every benchmark in its own process (so one's heap and JIT do not colour
 * the next), each against its peer in the same run; one table of figure, ours, peer, ratio,
 * goal and met, also written to bench/results.json. bench/README.md says how each is made.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable } from '../server/cli/table.js';
import { rowCells, ROW_HEADER, type BenchRow } from './lib/bench-rows.js';

const BENCHES = ['replay-throughput.js', 'http-throughput.js', 'remote-write.js', 'memory.js', 'fan-out.js'];
const here = fileURLToPath(new URL('.', import.meta.url));
const resultsFile = fileURLToPath(new URL('../../bench/results.json', import.meta.url));

const scratch = mkdtempSync(join(tmpdir(), 'fc-bench-rows-'));
const rows: BenchRow[] = [];
let failed = 0;
for (const bench of BENCHES) {
  const rowsFile = join(scratch, `${bench}.json`);
  console.log(`\n== ${bench}`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, bench), '--rows', rowsFile], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`${bench} failed (exit ${run.status ?? run.signal})`);
    continue;
  }
  rows.push(...(JSON.parse(readFileSync(rowsFile, 'utf8')) as BenchRow[]));
}
rmSync(scratch, { recursive: true, force: true });

console.log(`\nNode ${process.version}, loopback only; ratio = ours / peer`);
for (const line of formatTable(ROW_HEADER, rows.map(rowCells), 1)) console.log(line);
writeFileSync(resultsFile, `${JSON.stringify({ node: process.version, rows }, null, 2)}\n`);
console.log(`written to bench/results.json; ${rows.filter((r) => r.met === false).length} goal(s) missed`);
process.exitCode = failed > 0 ? 1 : 0;
