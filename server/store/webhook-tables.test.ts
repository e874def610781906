import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookSubscription } from './webhook-tables.js';
import { openTestStore, STORE_KINDS, type TestStore } from './test-stores.js';

const sub: WebhookSubscription = {
  id: 'sub-1',
  url: 'http://127.0.0.1:9/hook',
  eventTypes: ['incident.updated'],
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  createdAt: '2026-02-03T00:00:00.000Z',
};
const T0 = '2026-02-03T01:00:00.000Z';
const T1 = '2026-02-03T01:00:05.000Z';
const LEASE = '2026-02-03T01:01:00.000Z';

describe.each(STORE_KINDS)('webhook subscriptions and outbox (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
  });
  afterEach(async () => t?.dispose());

  it('stores subscriptions and finds those for an event type', async () => {
    await t.store.webhooks.subscribe(sub);
    await t.store.webhooks.subscribe({ ...sub, id: 'sub-2', eventTypes: ['component.updated', 'incident.updated'], createdAt: T0 });
    await t.store.webhooks.subscribe({ ...sub, id: 'sub-3', eventTypes: ['component.updated'], createdAt: T1 });
    expect(await t.store.webhooks.getSubscription('sub-1')).toEqual(sub);
    expect(await t.store.webhooks.getSubscription('nope')).toBeNull();
    expect((await t.store.webhooks.listSubscriptions()).map((s) => s.id)).toEqual(['sub-1', 'sub-2', 'sub-3']);
    expect((await t.store.webhooks.subscriptionsFor('incident.updated')).map((s) => s.id)).toEqual(['sub-1', 'sub-2']);
    expect(await t.store.webhooks.subscriptionsFor('other')).toEqual([]);
  });

  it('claims due messages once, under a lease, with the subscriber url and secret', async () => {
    await t.store.webhooks.subscribe(sub);
    await t.store.webhooks.enqueue([
      { id: 'msg_a', subscriptionId: 'sub-1', eventType: 'incident.updated', payload: { incident: { id: 'i' } }, createdAt: T0 },
      { id: 'msg_b', subscriptionId: 'sub-1', eventType: 'incident.updated', payload: { n: 2 }, createdAt: T1 },
    ]);
    expect(await t.store.webhooks.backlog()).toBe(2);
    const claimed = await t.store.webhooks.claimDue(T0, LEASE, 10);
    expect(claimed).toEqual([
      {
        id: 'msg_a',
        subscriptionId: 'sub-1',
        eventType: 'incident.updated',
        payload: { incident: { id: 'i' } },
        status: 'pending',
        attempts: 0,
        createdAt: T0,
        nextAttemptAt: LEASE,
        deliveredAt: null,
        lastError: null,
        url: sub.url,
        secret: sub.secret,
      },
    ]);
    expect((await t.store.webhooks.claimDue(T1, LEASE, 10)).map((m) => m.id)).toEqual(['msg_b']);
    expect(await t.store.webhooks.claimDue(T1, LEASE, 10)).toEqual([]);
    // once the lease runs out, an unfinished claim is due again
    expect((await t.store.webhooks.claimDue(LEASE, '2026-02-03T01:02:00.000Z', 1)).map((m) => m.id)).toEqual(['msg_a']);
  });

  it('records delivery, retry and giving up', async () => {
    await t.store.webhooks.subscribe(sub);
    await t.store.webhooks.enqueue(['a', 'b', 'c'].map((id) => ({ id, subscriptionId: 'sub-1', eventType: 'incident.updated', payload: {}, createdAt: T0 })));
    await t.store.webhooks.markDelivered('a', T1, 1);
    await t.store.webhooks.markRetry('b', 1, LEASE, 'HTTP 500');
    await t.store.webhooks.markDead('c', 10, 'connect ECONNREFUSED');
    expect(await t.store.webhooks.getMessage('a')).toMatchObject({ status: 'delivered', deliveredAt: T1, attempts: 1, lastError: null });
    expect(await t.store.webhooks.getMessage('b')).toMatchObject({ status: 'pending', nextAttemptAt: LEASE, attempts: 1, lastError: 'HTTP 500' });
    expect(await t.store.webhooks.getMessage('c')).toMatchObject({ status: 'dead', attempts: 10, lastError: 'connect ECONNREFUSED' });
    expect(await t.store.webhooks.getMessage('z')).toBeNull();
    expect(await t.store.webhooks.backlog()).toBe(1);
    expect(await t.store.webhooks.claimDue(T1, LEASE, 10)).toEqual([]);
    expect((await t.store.webhooks.listMessages({ status: 'dead' })).map((m) => m.id)).toEqual(['c']);
    expect((await t.store.webhooks.listMessages({ subscriptionId: 'sub-1', limit: 2 })).map((m) => m.id)).toEqual(['c', 'b']);
  });

  it('unsubscribing removes the subscription and its messages', async () => {
    await t.store.webhooks.subscribe(sub);
    await t.store.webhooks.enqueue([{ id: 'a', subscriptionId: 'sub-1', eventType: 'incident.updated', payload: {}, createdAt: T0 }]);
    expect(await t.store.webhooks.unsubscribe('sub-1')).toBe(true);
    expect(await t.store.webhooks.unsubscribe('sub-1')).toBe(false);
    expect(await t.store.webhooks.getMessage('a')).toBeNull();
    expect(await t.store.webhooks.backlog()).toBe(0);
  });

  it('keeps the outbox across a close and reopen', async () => {
    await t.store.webhooks.subscribe(sub);
    await t.store.webhooks.enqueue([{ id: 'a', subscriptionId: 'sub-1', eventType: 'incident.updated', payload: { x: 1 }, createdAt: T0 }]);
    const store = await t.reopen();
    expect(await store.webhooks.backlog()).toBe(t.persistent ? 1 : 0);
  });
});
