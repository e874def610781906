/**
 * An instance that joins while another drives a drill takes the driver's memory of it (every
 * tick, event and notice so far) and then follows its news. The messages between the two go
 * through an in-memory bus whose answers to the joining instance can be held back, as a busy
 * database or driver holds them back on the day.
 */
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import type { ClusterBus, ClusterMessages, ClusterMessageType } from '../cluster/cluster-bus.js';
import { loadDefaultPlan } from '../plan-file.js';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { DrillService } from './drill-service.js';

type Handlers = Map<ClusterMessageType, ((m: never) => void)[]>;

/** Instances on one bus; what is sent to a held instance waits, by kind, until released (or for ever). */
class MemoryHub {
  private readonly instances = new Map<string, Handlers>();
  private readonly held = new Map<ClusterMessageType, (() => void)[]>();
  private heldFor: string | null = null;
  /** messages sent, by sender and kind */
  readonly sent = new Map<string, number>();

  bus(instance: string): ClusterBus {
    const handlers: Handlers = new Map();
    this.instances.set(instance, handlers);
    return {
      send: <K extends ClusterMessageType>(type: K, message: ClusterMessages[K]) => {
        this.sent.set(`${instance} ${type}`, (this.sent.get(`${instance} ${type}`) ?? 0) + 1);
        for (const [other, theirs] of this.instances) {
          if (other === instance) continue;
          const deliver = (): void => {
            for (const fn of theirs.get(type) ?? []) fn(structuredClone(message) as never);
          };
          const waiting = other === this.heldFor ? this.held.get(type) : undefined;
          if (waiting) waiting.push(deliver);
          else setImmediate(deliver);
        }
      },
      on: (type, handler) => {
        handlers.set(type, [...(handlers.get(type) ?? []), handler as (m: never) => void]);
      },
    };
  }

  hold(instance: string, types: ClusterMessageType[]): void {
    this.heldFor = instance;
    for (const type of types) this.held.set(type, []);
  }

  /** deliver what waited of `type`, and what comes from now on */
  release(type: ClusterMessageType): void {
    for (const deliver of this.held.get(type) ?? []) setImmediate(deliver);
    this.held.delete(type);
  }

  /** what waited of `type` is lost; what comes from now on is delivered */
  drop(type: ClusterMessageType): void {
    this.held.delete(type);
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

// the default plan ticks every 15 scenario seconds: 75 ms of wall time at 200x
const TICK_MS = 75;
// the 09:00 wave at 200x, so notices come within a few ticks
const DRILL = { scenario: 'feb3', source: 'generated', speed: 200, from: '2020-02-03T08:55:00+08:00', to: '2020-02-03T10:30:00+08:00' } as const;

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

async function twoInstances(): Promise<{ hub: MemoryHub; clock: ManualClock; store: Store; instance: (name: string) => DrillService; advance: (ms: number) => Promise<void> }> {
  const plan = await loadDefaultPlan();
  if (!plan.ok) throw new Error(plan.errors[0]?.message);
  const store = await openSqliteStore(':memory:');
  closing.push(() => store.close());
  const hub = new MemoryHub();
  const clock = new ManualClock(Date.parse('2026-12-02T06:00:00Z'));
  // Fastify's logger when logging is off: what the service logs goes nowhere
  const log = Fastify({ logger: false }).log;
  const instance = (name: string): DrillService => {
    const service = new DrillService({
      store, plan: plan.value, log, clock, live: false,
      cluster: { instance: name, bus: hub.bus(name), leaseTtlMs: 10_000, leaseRenewMs: 1_000, requestTimeoutMs: 20_000 },
    });
    closing.push(() => service.close());
    return service;
  };
  // in small steps, so the stores and the bus keep up with the timers as they would on the wall
  const advance = async (ms: number): Promise<void> => {
    for (let done = 0; done < ms; done += 100) {
      clock.advance(100);
      await settle();
    }
  };
  return { hub, clock, store, instance, advance };
}

const keysOf = (service: DrillService, id: string): { ticks: string[]; notices: string[] } => {
  const runner = service.runner(id);
  return {
    ticks: Object.values(runner?.history() ?? {}).flat().map((t) => `${t.service} ${t.t}`).sort(),
    notices: (runner?.recentNoticeList() ?? []).map((n) => n.id).sort(),
  };
};

/** Instance `a` drives the drill, ten ticks in. */
async function drillUnderWay(): Promise<Awaited<ReturnType<typeof twoInstances>> & { driver: DrillService; id: string }> {
  const instances = await twoInstances();
  const driver = instances.instance('a');
  await driver.boot();
  const started = await driver.start(DRILL, null);
  if (!started.ok) throw new Error(started.errors[0]?.message);
  await instances.advance(10 * TICK_MS);
  return { ...instances, driver, id: started.value.id };
}

describe('an instance joining a drill another drives', () => {
  it("holds the driver's whole memory even when news overtake its answer", async () => {
    const { hub, instance, advance, driver, id } = await drillUnderWay();
    expect(keysOf(driver, id).notices.length, 'the wave published notices before the join').toBeGreaterThan(0);

    hub.hold('b', ['news', 'response']);
    const joiner = instance('b');
    const booted = joiner.boot();
    while (!hub.sent.has('b request')) await advance(TICK_MS);
    // the joiner has asked for the driver's memory; the driver ticks on, and its news reach
    // the joiner before its answer does
    hub.release('news');
    await advance(5 * TICK_MS);
    hub.release('response');
    await booted;
    await advance(TICK_MS);
    await driver.flush();

    expect(keysOf(joiner, id)).toEqual(keysOf(driver, id));
  });

  it('recalls every stored event and notice when the driver never answers', async () => {
    const { hub, store, instance, advance, driver, id } = await drillUnderWay();
    await driver.flush();
    const stored = (await store.notices.list({ drillId: id, limit: 1000 })).map((n) => n.notice.id).sort();
    expect(stored.length).toBeGreaterThan(0);

    hub.hold('b', ['response']);
    const joiner = instance('b');
    const booted = joiner.boot();
    while (!hub.sent.has('b request')) await advance(TICK_MS);
    // past the joiner's 20 s wait for an answer
    await advance(21_000);
    hub.drop('response');
    await booted;

    const notices = keysOf(joiner, id).notices;
    for (const notice of stored) expect(notices).toContain(notice);
  });
});
