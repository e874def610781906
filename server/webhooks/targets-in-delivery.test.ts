/**
 * The deliverer against inward targets. Every receiver listens on loopback and every host
 * name resolves through an injected resolver, so nothing here resolves or connects outward.
 */
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { createWebhookDeliverer } from './deliverer.js';
import { enqueue } from './enqueue.js';
import { generateWebhookSecret } from './sign.js';
import type { Resolve } from './targets/guarded-lookup.js';
import { incidentBody, startReceiver, type TestReceiver } from './test-helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(
  url: (r: TestReceiver) => string,
  respond?: Parameters<typeof startReceiver>[1],
): Promise<{ store: Store; receiver: TestReceiver; id: string; secret: string }> {
  const store = await openSqliteStore(':memory:');
  cleanups.push(() => store.close());
  const receiver = await startReceiver(0, respond);
  cleanups.push(() => receiver.close());
  const secret = generateWebhookSecret();
  await store.webhooks.subscribe({ id: 'sub-1', url: url(receiver), eventTypes: ['incident.updated'], secret, createdAt: new Date().toISOString() });
  const [id] = await enqueue(store, 'incident.updated', incidentBody, { now: Date.now() });
  return { store, receiver, id: id!, secret };
}

const resolvesTo = (address: string): Resolve => async () => [{ address, family: 4 }];

describe('deliveries to inward targets', () => {
  it('a loopback receiver is refused by default: recorded as dead with the reason, never connected to', async () => {
    const { store, receiver, id } = await setup((r) => r.url);
    const deliverer = createWebhookDeliverer({ now: Date.now, store });
    expect(await deliverer.runOnce()).toBe(1);
    expect(receiver.connections()).toBe(0);
    expect(receiver.received).toEqual([]);
    const message = await store.webhooks.getMessage(id);
    expect(message).toMatchObject({ status: 'dead', attempts: 1 });
    expect(message?.lastError).toMatch(/^refused: 127\.0\.0\.1 is a loopback address; .*--webhook-allow-private/);
    expect(await deliverer.metrics()).toEqual({ delivered: 0, failedAttempts: 1, dead: 1, backlog: 0 });
    expect(await deliverer.runOnce()).toBe(0);
  });

  it('with allowPrivate the same receiver gets the signed delivery', async () => {
    const { store, receiver, id, secret } = await setup((r) => r.url);
    const deliverer = createWebhookDeliverer({ now: Date.now, store, targets: { allowPrivate: true } });
    await deliverer.runOnce();
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    expect(new Webhook(secret).verify(body, headers as Record<string, string>)).toEqual(incidentBody);
    expect(await store.webhooks.getMessage(id)).toMatchObject({ status: 'delivered' });
  });

  it.each(['127.0.0.1', '10.0.0.1', '169.254.169.254'])('a host name that resolves to %s is refused when connecting', async (address) => {
    const { store, receiver, id } = await setup((r) => `http://hooks.example.test:${r.port}/hook`);
    const resolved: string[] = [];
    const resolve: Resolve = async (host) => {
      resolved.push(host);
      return resolvesTo(address)(host);
    };
    await createWebhookDeliverer({ now: Date.now, store, resolve }).runOnce();
    expect(resolved).toEqual(['hooks.example.test']);
    expect(receiver.connections()).toBe(0);
    const message = await store.webhooks.getMessage(id);
    expect(message).toMatchObject({ status: 'dead', attempts: 1 });
    expect(message?.lastError).toContain(`refused: hooks.example.test resolves to ${address} is`);
  });

  it('the connection goes to the address the guard judged: allowed, the resolved loopback receiver gets it', async () => {
    const { store, receiver, id } = await setup((r) => `http://hooks.example.test:${r.port}/hook`);
    await createWebhookDeliverer({ now: Date.now, store, targets: { allowPrivate: true }, resolve: resolvesTo('127.0.0.1') }).runOnce();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers.host).toBe(`hooks.example.test:${receiver.port}`);
    expect(await store.webhooks.getMessage(id)).toMatchObject({ status: 'delivered' });
  });

  it('a stored URL in an inward spelling (from before the check existed) is refused without a connection', async () => {
    const { store, receiver, id } = await setup((r) => `http://2130706433:${r.port}/hook`);
    await createWebhookDeliverer({ now: Date.now, store }).runOnce();
    expect(receiver.connections()).toBe(0);
    expect((await store.webhooks.getMessage(id))?.lastError).toMatch(/^refused: 127\.0\.0\.1 is a loopback address/);
  });

  it('a redirect to an inward address is not followed', async () => {
    const inner = await startReceiver();
    cleanups.push(() => inner.close());
    const { store, id } = await setup((r) => `http://hooks.example.test:${r.port}/hook`, (_req, res) => res.writeHead(307, { location: inner.url }).end());
    await createWebhookDeliverer({ now: Date.now, store, targets: { allowPrivate: true }, resolve: resolvesTo('127.0.0.1') }).runOnce();
    expect(inner.connections()).toBe(0);
    expect(await store.webhooks.getMessage(id)).toMatchObject({ status: 'pending', lastError: 'HTTP 307' });
  });
});
