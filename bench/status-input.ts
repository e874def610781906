/**
 * What the status documents cost the store per re-render: the newest 50 incidents with all
 * their notices in one query, side by side with the peer it replaced in the same process
 * (one query for the incidents, then one per incident for its notices: 1 + 50 queries
 * inside the per-tick transaction). SQLite in memory by default; --postgres URL runs it on
 * an empty PostgreSQL database of your own (it creates the tables and leaves them).
 *
 *   npx tsx bench/status-input.ts [--rounds N] [--notices N] [--postgres URL]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Notice } from '../server/core/engine/types.js';
import { formatTable } from '../server/cli/table.js';
import { openPostgresStore } from '../server/store/open-postgres-store.js';
import { openSqliteStore } from '../server/store/open-sqlite-store.js';
import type { Store } from '../server/store/store.js';
import { sampleNotice } from '../server/store/test-samples.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' }, notices: { type: 'string', default: '20' }, postgres: { type: 'string' } } });
const rounds = Math.max(1, Number(values.rounds) || 200);
const perIncident = Math.max(1, Number(values.notices) || 20);

const store = values.postgres ? await openPostgresStore(values.postgres) : await openSqliteStore(':memory:');
for (let i = 0; i < 200; i++) {
  const id = `inc-${String(i).padStart(4, '0')}`;
  const t = new Date(Date.UTC(2020, 1, 3, 0, i)).toISOString();
  await store.incidents.upsert({ id, drillId: 'd-1', service: 'messaging', level: 'critical', stage: 'identified', openedAt: t, updatedAt: t, resolvedAt: null });
  for (let n = 0; n < perIncident; n++) await store.notices.insert(sampleNotice({ id: `${id}:n-${n}`, incidentId: id, t }), { drillId: 'd-1', author: null });
}

const oneQuery = async (s: Store): Promise<number> => (await s.incidents.listWithNotices({ limit: 50 })).reduce((sum, e) => sum + e.notices.length, 0);
const nPlusOne = async (s: Store): Promise<number> => {
  let sum = 0;
  for (const r of await s.incidents.list({ limit: 50 })) {
    const notices: Notice[] = (await s.notices.list({ incidentId: r.id, limit: 200 })).map((n) => n.notice);
    sum += notices.length;
  }
  return sum;
};

async function median(run: (s: Store) => Promise<number>): Promise<{ ms: number; notices: number }> {
  const times: number[] = [];
  let notices = 0;
  for (let i = 0; i < rounds; i++) {
    const began = performance.now();
    // inside a transaction, as the per-tick persist hook reads it
    notices = await store.transaction(run);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0, notices };
}

const rows = [];
for (const [name, run] of [['one query (listWithNotices)', oneQuery], ['1 + 50 queries (the peer)', nPlusOne]] as const) {
  const { ms, notices } = await median(run);
  rows.push([name, String(notices), ms.toFixed(2)]);
}
console.log(`status input on ${values.postgres ? 'PostgreSQL' : 'SQLite in memory'}: newest 50 of 200 incidents, ${perIncident} notices each, median of ${rounds} rounds`);
for (const line of formatTable(['read', 'notices', 'median ms'], rows, 1)) console.log(line);
await store.close();
