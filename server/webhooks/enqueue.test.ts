import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { enqueue } from './enqueue.js';
import type { IncidentWebhookBody } from './payloads.js';
import { incidentBody } from './test-helpers.js';

const NOW = Date.parse('2026-02-03T01:00:00.000Z');
let store: Store;

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  const base = { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', createdAt: '2026-02-03T00:00:00.000Z' };
  await store.webhooks.subscribe({ ...base, id: 'sub-a', url: 'http://a/hook', eventTypes: ['incident.updated'] });
  await store.webhooks.subscribe({ ...base, id: 'sub-b', url: 'http://b/hook', eventTypes: ['incident.updated', 'component.updated'] });
  await store.webhooks.subscribe({ ...base, id: 'sub-c', url: 'http://c/hook', eventTypes: ['component.updated'] });
});
afterEach(async () => store.close());

describe('enqueue', () => {
  it('writes one pending message per matching subscription, due now', async () => {
    const ids = await enqueue(store, 'incident.updated', incidentBody, { now: NOW });
    expect(ids).toHaveLength(2);
    const messages = await store.webhooks.listMessages();
    expect(messages.map((m) => m.subscriptionId).sort()).toEqual(['sub-a', 'sub-b']);
    for (const m of messages) {
      expect(m).toMatchObject({ status: 'pending', attempts: 0, eventType: 'incident.updated', payload: incidentBody, nextAttemptAt: '2026-02-03T01:00:00.000Z' });
      expect(m.id).toMatch(/^msg_[0-9a-f-]{36}$/);
    }
  });

  it('writes each subscriber its own unsubscribe link', async () => {
    await enqueue(store, 'incident.updated', incidentBody, { now: NOW, unsubscribeUrl: (id) => `http://x/webhooks/${id}/unsubscribe` });
    const messages = await store.webhooks.listMessages({ subscriptionId: 'sub-b' });
    expect((messages[0]?.payload as IncidentWebhookBody).meta.unsubscribe).toBe('http://x/webhooks/sub-b/unsubscribe');
  });

  it('writes nothing when nobody subscribes', async () => {
    await store.webhooks.unsubscribe('sub-a');
    await store.webhooks.unsubscribe('sub-b');
    expect(await enqueue(store, 'incident.updated', incidentBody, { now: NOW })).toEqual([]);
    expect(await store.webhooks.backlog()).toBe(0);
  });

  it('is part of the caller transaction: rolled back with it', async () => {
    await expect(
      store.transaction(async (tx) => {
        await enqueue(tx, 'incident.updated', incidentBody, { now: NOW });
        throw new Error('the notice could not be stored');
      }),
    ).rejects.toThrow();
    expect(await store.webhooks.backlog()).toBe(0);
  });
});
