/**
 * Run as a child process by store.test.ts: opens the store given as argv[2], writes one
 * drill, reports "written" once the write is acknowledged, then waits to be killed.
 */
import { openSqliteStore } from './open-sqlite-store.js';
import { sampleDrill } from './test-samples.js';

const store = await openSqliteStore(process.argv[2] ?? '');
await store.drills.insert(sampleDrill({ id: 'acknowledged' }));
process.stdout.write('written\n');
setInterval(() => undefined, 60_000);
