import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { WebhookBodies, WebhookEventType } from './payloads.js';

export interface EnqueueOptions {
  /** the app clock's time, stamped as the messages' creation and first attempt */
  now: number;
  /** the unsubscribe link for each subscriber, written into `meta.unsubscribe` of its copy */
  unsubscribeUrl?: (subscriptionId: string) => string;
}

/**
 * Write one outbox message per subscription to `event`; the deliverer sends them later.
 * Call it inside the store transaction that records the change, so a change and its
 * notifications are stored together or not at all. Returns the message ids.
 */
export async function enqueue<E extends WebhookEventType>(
  store: Store,
  event: E,
  payload: WebhookBodies[E],
  options: EnqueueOptions,
): Promise<string[]> {
  const createdAt = new Date(options.now).toISOString();
  const subscriptions = await store.webhooks.subscriptionsFor(event);
  const messages = subscriptions.map((s) => ({
    id: `msg_${randomUUID()}`,
    subscriptionId: s.id,
    eventType: event,
    payload: options.unsubscribeUrl ? { ...payload, meta: { ...payload.meta, unsubscribe: options.unsubscribeUrl(s.id) } } : payload,
    createdAt,
  }));
  await store.webhooks.enqueue(messages);
  return messages.map((m) => m.id);
}
