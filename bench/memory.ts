/**
 * Memory over whole drills: the Feb-3 scenario (48 hours) driven tick by tick through the
 * real server with its SQLite store, ten times in a row. The heap after each drill (after a
 * full collection) must not grow from one drill to the next; the peer is the heap after the
 * first drill.
 *
 *   npm run build && node --expose-gc dist/bench/memory.js [--drills 10]
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createToken } from '../server/auth/tokens.js';
import { benchApp } from './lib/bench-app.js';
import { benchRow, writeRows } from './lib/bench-rows.js';

const { values } = parseArgs({ options: { drills: { type: 'string', default: '10' }, rows: { type: 'string' } } });
const drills = Math.min(Math.max(Number(values.drills) || 10, 2), 50);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const { app, store, dir } = await benchApp('memory', {
  clock: { now: () => Date.now(), setInterval: () => null, clearInterval: () => undefined },
});
await app.ready();
const operator = await createToken(store, 'operator', 'bench', Date.now());

const heapMb = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
};

const start = heapMb();
const after: number[] = [];
let peakRss = process.memoryUsage().rss;
for (let d = 0; d < drills; d++) {
  const res = await app.inject({
    method: 'POST', url: '/api/v1/drills', headers: { authorization: `Bearer ${operator.token}` },
    payload: { scenario: 'feb3', speed: 600, source: 'generated' },
  });
  if (res.statusCode !== 201) throw new Error(`drill did not start: ${res.body}`);
  const runner = app.drills.running();
  for (let i = 0; runner && runner.status === 'running'; i++) {
    runner.tick();
    if (i % 200 === 0) {
      await app.drills.flush();
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  await app.drills.flush();
  after.push(heapMb());
  console.log(`drill ${d + 1}: heap ${after[d]!.toFixed(1)} MB after a full collection`);
}
await app.close();
await store.close();
await rm(dir, { recursive: true, force: true });

console.log(`heap at start ${start.toFixed(1)} MB; after drill 1 ${after[0]!.toFixed(1)} MB; after drill ${drills} ${after.at(-1)!.toFixed(1)} MB; peak RSS ${(peakRss / 1_048_576).toFixed(0)} MB`);
writeRows(values.rows, [
  benchRow(`heap after ${drills} whole Feb-3 drills in a row (peer: after the first)`, 'MB', after.at(-1)!, after[0]!, { kind: 'ratio-at-most', value: 1.1 }),
  benchRow('peak RSS during the drills', 'MB', peakRss / 1_048_576, null, { kind: 'none' }),
]);
