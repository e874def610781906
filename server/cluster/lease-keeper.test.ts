import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isoNow } from '../clock/clock.js';
import { ManualClock } from '../clock/manual-clock.js';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { LeaseKeeper } from './lease-keeper.js';

describe('LeaseKeeper', () => {
  let store: Store;
  let clock: ManualClock;
  const events: string[] = [];
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    clock = new ManualClock('2026-03-02T09:00:00Z');
    events.length = 0;
  });
  afterEach(async () => store.close());

  const keeper = (holder: string, onAcquired: () => Promise<void> = async () => void events.push(`${holder} won`)) =>
    new LeaseKeeper({
      leases: store.leases,
      name: 'engine',
      holder,
      clock,
      ttlMs: 5_000,
      renewMs: 1_000,
      onAcquired,
      onLost: () => void events.push(`${holder} lost`),
      onError: (err) => void events.push(`${holder} error ${String(err)}`),
    });

  it('holds while it renews; another instance takes over once it stops renewing, not before', async () => {
    const a = keeper('a');
    const b = keeper('b');
    await a.start();
    await b.start();
    expect(a.held).toBe(true);
    expect(b.held).toBe(false);
    expect(b.knownOwner).toBe('a');
    // a renews every second: b never gets it
    for (let i = 0; i < 10; i++) clock.advance(1_000);
    await vi.waitFor(async () => expect(await store.leases.holder('engine', isoNow(clock))).toMatchObject({ holder: 'a' }));
    expect(events).toEqual(['a won']);
    // a dies without a word: its lease runs out and b takes it
    await a.stop(false);
    for (let i = 0; i < 7; i++) {
      clock.advance(1_000);
      await new Promise((r) => setImmediate(r));
    }
    await vi.waitFor(() => expect(b.held).toBe(true));
    expect(events).toEqual(['a won', 'b won']);
    await b.stop(true);
    expect(await store.leases.holder('engine', isoNow(clock))).toBeNull();
  });

  it('lets the lease go when taking it in hand fails, so the next round tries again', async () => {
    let failures = 1;
    const a = keeper('a', async () => {
      if (failures-- > 0) throw new Error('the database went away');
      events.push('a won');
    });
    await a.start();
    expect(a.held).toBe(false);
    expect(await store.leases.holder('engine', isoNow(clock))).toBeNull();
    clock.advance(1_000);
    await vi.waitFor(() => expect(a.held).toBe(true));
    expect(events).toEqual(['a error Error: the database went away', 'a won']);
    await a.stop(true);
  });

  it('takes the lease in hand again after forgetting it (a write under it was refused)', async () => {
    const a = keeper('a');
    await a.start();
    a.forget();
    clock.advance(1_000);
    await vi.waitFor(() => expect(events).toEqual(['a won', 'a won']));
    await a.stop(true);
  });
});
