import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { openTestStore } from '../store/test-stores.js';
import { createWebhookDeliverer } from './deliverer.js';
import { enqueue } from './enqueue.js';
import { generateWebhookSecret } from './sign.js';
import type { HttpPost } from './targets/http-post.js';
import { freePort, incidentBody, startReceiver, type TestReceiver } from './test-helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function memoryStore(): Promise<Store> {
  const store = await openSqliteStore(':memory:');
  cleanups.push(() => store.close());
  return store;
}

async function receiver(...args: Parameters<typeof startReceiver>): Promise<TestReceiver> {
  const r = await startReceiver(...args);
  cleanups.push(() => r.close());
  return r;
}

async function subscribe(store: Store, url: string, secret = generateWebhookSecret()): Promise<string> {
  await store.webhooks.subscribe({ id: 'sub-1', url, eventTypes: ['incident.updated'], secret, createdAt: new Date().toISOString() });
  return secret;
}

/** a clock that starts at the real time (the receivers check the signature's timestamp) and moves when told */
function manualClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms: number) => (offset += ms) };
}

// the receivers in these tests listen on loopback, which only an on-premises install may reach
const ON_PREMISES = { targets: { allowPrivate: true } };

describe('WebhookDeliverer', () => {
  it('delivers a signed Statuspage body that standardwebhooks verifies', async () => {
    const store = await memoryStore();
    const r = await receiver();
    const secret = await subscribe(store, r.url);
    const [id] = await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
    const deliverer = createWebhookDeliverer({ ...ON_PREMISES, store, now: Date.now });
    expect(await deliverer.runOnce()).toBe(1);
    expect(r.received).toHaveLength(1);
    const { headers, body } = r.received[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['webhook-id']).toBe(id);
    expect(new Webhook(secret).verify(body, headers as Record<string, string>)).toEqual(incidentBody);
    expect(await store.webhooks.getMessage(id!)).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect(await deliverer.metrics()).toEqual({ delivered: 1, failedAttempts: 0, dead: 0, backlog: 0 });
    expect(await deliverer.runOnce()).toBe(0);
  });

  it('retries a receiver that is down until it comes back, with the same webhook-id, losing nothing', async () => {
    const store = await memoryStore();
    const port = await freePort();
    const secret = await subscribe(store, `http://127.0.0.1:${port}/hook`);
    const [id] = await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
    const clock = manualClock();
    const deliverer = createWebhookDeliverer({ ...ON_PREMISES, store, now: clock.now, random: () => 0.5 });

    expect(await deliverer.runOnce()).toBe(1);
    const failed = await store.webhooks.getMessage(id!);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('ECONNREFUSED') });
    expect(await deliverer.runOnce()).toBe(0); // not due before the backoff

    clock.advance(5_000);
    expect(await deliverer.runOnce()).toBe(1);
    expect(await store.webhooks.getMessage(id!)).toMatchObject({ status: 'pending', attempts: 2 });

    const r = await receiver(port);
    clock.advance(10_000);
    expect(await deliverer.runOnce()).toBe(1);
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.headers['webhook-id']).toBe(id);
    expect(new Webhook(secret).verify(r.received[0]!.body, r.received[0]!.headers as Record<string, string>)).toEqual(incidentBody);
    expect(await store.webhooks.getMessage(id!)).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(await deliverer.metrics()).toEqual({ delivered: 1, failedAttempts: 2, dead: 0, backlog: 0 });
  });

  it('resumes after a restart from a file store: what was pending is delivered by the next process', async () => {
    const t = await openTestStore('file');
    cleanups.push(() => t.dispose());
    const port = await freePort();
    await subscribe(t.store, `http://127.0.0.1:${port}/hook`);
    const [id] = await enqueue(t.store, 'incident.updated', incidentBody, { now: Date.now() });
    const clock = manualClock();
    const first = createWebhookDeliverer({ ...ON_PREMISES, store: t.store, now: clock.now });
    await first.runOnce();
    await first.stop();

    const store = await t.reopen();
    const r = await receiver(port);
    clock.advance(60_000);
    const second = createWebhookDeliverer({ ...ON_PREMISES, store, now: clock.now });
    expect(await second.metrics()).toMatchObject({ backlog: 1 });
    expect(await second.runOnce()).toBe(1);
    expect(r.received.map((x) => x.headers['webhook-id'])).toEqual([id]);
    expect(await store.webhooks.getMessage(id!)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('retries a message a crashed process had claimed once its lease runs out', async () => {
    const store = await memoryStore();
    const r = await receiver();
    await subscribe(store, r.url);
    await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
    const clock = manualClock();
    // the crashed process: claimed, never recorded an outcome
    await store.webhooks.claimDue(new Date(clock.now()).toISOString(), new Date(clock.now() + 25_000).toISOString(), 10);
    const deliverer = createWebhookDeliverer({ ...ON_PREMISES, store, now: clock.now, timeoutMs: 10_000 });
    expect(await deliverer.runOnce()).toBe(0);
    clock.advance(25_000);
    expect(await deliverer.runOnce()).toBe(1);
    expect(r.received).toHaveLength(1);
  });

  it('gives up after maxAttempts and keeps the last error', async () => {
    const store = await memoryStore();
    await subscribe(store, 'http://receiver.invalid/hook');
    const [id] = await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
    const clock = manualClock();
    const fail500: HttpPost = async () => ({ status: 500, retryAfter: null });
    const deliverer = createWebhookDeliverer({ store, now: clock.now, post: fail500, maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      expect(await deliverer.runOnce()).toBe(1);
      clock.advance(3_600_000);
    }
    expect(await store.webhooks.getMessage(id!)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 500' });
    expect(await deliverer.runOnce()).toBe(0);
    expect(await deliverer.metrics()).toEqual({ delivered: 0, failedAttempts: 3, dead: 1, backlog: 0 });
  });

  it('treats a redirect as a failure and honours Retry-After', async () => {
    const store = await memoryStore();
    const r = await receiver(0, (_req, res) => {
      if (r.received.length === 1) res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
      else res.writeHead(429, { 'retry-after': '600' }).end();
    });
    await subscribe(store, r.url);
    const [id] = await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
    const clock = manualClock();
    const deliverer = createWebhookDeliverer({ ...ON_PREMISES, store, now: clock.now, random: () => 0.5 });
    await deliverer.runOnce();
    expect(await store.webhooks.getMessage(id!)).toMatchObject({ status: 'pending', lastError: 'HTTP 302' });
    clock.advance(5_000);
    const before = clock.now();
    await deliverer.runOnce();
    const message = await store.webhooks.getMessage(id!);
    expect(message).toMatchObject({ lastError: 'HTTP 429', attempts: 2 });
    expect(Date.parse(message!.nextAttemptAt) - before).toBeGreaterThanOrEqual(600_000);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const store = await memoryStore();
    const r = await receiver(0, () => undefined);
    await subscribe(store, r.url);
    const [id] = await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
    const deliverer = createWebhookDeliverer({ ...ON_PREMISES, store, now: Date.now, timeoutMs: 200 });
    await deliverer.runOnce();
    expect(await store.webhooks.getMessage(id!)).toMatchObject({ status: 'pending', lastError: 'no response within 200 ms' });
  });

  it('start() delivers in the background; stop() waits for the delivery in flight', async () => {
    const store = await memoryStore();
    let release: () => void = () => undefined;
    let arrived: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const r = await receiver(0, (_req, res) => {
      release = () => res.writeHead(200).end();
      arrived();
    });
    await subscribe(store, r.url);
    const [id] = await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
    const deliverer = createWebhookDeliverer({ ...ON_PREMISES, store, now: Date.now, pollIntervalMs: 60_000 });
    deliverer.start();
    await requestArrived;
    let stopped = false;
    const stopping = deliverer.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await store.webhooks.getMessage(id!)).toMatchObject({ status: 'delivered' });
  });

  it('wake() sends a message enqueued while idle without waiting for the poll interval', async () => {
    const store = await memoryStore();
    let arrived: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const r = await receiver(0, (_req, res) => {
      res.writeHead(204).end();
      arrived();
    });
    await subscribe(store, r.url);
    let polled: () => void = () => undefined;
    const firstPoll = new Promise<void>((resolve) => (polled = resolve));
    const now = () => {
      polled();
      return Date.now();
    };
    const deliverer = createWebhookDeliverer({ ...ON_PREMISES, store, now, pollIntervalMs: 3_600_000 });
    cleanups.push(() => deliverer.stop());
    deliverer.start();
    await firstPoll;
    await deliverer.runOnce(); // queued behind the background poll: once it resolves, the next poll is an hour away
    await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
    deliverer.wake();
    await requestArrived;
    expect(r.received).toHaveLength(1);
  });
});
