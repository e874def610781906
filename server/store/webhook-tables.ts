import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookOutboxTable, WebhookSubscriptionsTable } from './database.js';
import { fromJsonColumn, toJsonColumn } from './json-column.js';
import { firstRow } from './first-row.js';
import { newestMatching } from './newest-matching.js';

export interface WebhookSubscription {
  id: string;
  url: string;
  eventTypes: string[];
  /** Standard Webhooks secret, `whsec_` + base64 */
  secret: string;
  createdAt: string;
}

export type OutboxStatus = 'pending' | 'delivered' | 'dead';

export interface OutboxMessage {
  /** also the webhook-id header: the same on every retry so receivers can deduplicate */
  id: string;
  subscriptionId: string;
  eventType: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
  lastError: string | null;
}

/** A claimed message with what is needed to send it. */
export interface OutboxDelivery extends OutboxMessage {
  url: string;
  secret: string;
}

export type NewOutboxMessage = Pick<OutboxMessage, 'id' | 'subscriptionId' | 'eventType' | 'payload' | 'createdAt'>;

export interface WebhookRepository {
  subscribe(subscription: WebhookSubscription): Promise<void>;
  getSubscription(id: string): Promise<WebhookSubscription | null>;
  /** oldest first */
  listSubscriptions(): Promise<WebhookSubscription[]>;
  /** removes the subscription and its outbox messages; false when there was none */
  unsubscribe(id: string): Promise<boolean>;
  subscriptionsFor(eventType: string): Promise<WebhookSubscription[]>;
  /** pending messages, due at once */
  enqueue(messages: readonly NewOutboxMessage[]): Promise<void>;
  /**
   * Take up to `limit` pending messages due at `now` and push their next attempt to
   * `leaseUntil`, so another deliverer (or this one after a crash) only retries them once
   * the lease runs out. Each row is claimed with a compare-and-set, safe across instances.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxDelivery[]>;
  markDelivered(id: string, at: string, attempts: number): Promise<void>;
  markRetry(id: string, attempts: number, nextAttemptAt: string, lastError: string): Promise<void>;
  markDead(id: string, attempts: number, lastError: string): Promise<void>;
  getMessage(id: string): Promise<OutboxMessage | null>;
  /** newest first; default 100 */
  listMessages(query?: { status?: OutboxStatus; subscriptionId?: string; limit?: number }): Promise<OutboxMessage[]>;
  /** pending messages, due or not */
  backlog(): Promise<number>;
}

function subscriptionFromRow(r: Selectable<WebhookSubscriptionsTable>): WebhookSubscription {
  return { id: r.id, url: r.url, eventTypes: fromJsonColumn(r.event_types_json), secret: r.secret, createdAt: r.created_at };
}

function messageFromRow(r: Selectable<WebhookOutboxTable>): OutboxMessage {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    eventType: r.event_type,
    payload: fromJsonColumn(r.payload_json),
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    lastError: r.last_error,
  };
}

export function webhookRepository(db: Kysely<Database>): WebhookRepository {
  const listSubscriptions = async () =>
    (await db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute()).map(
      subscriptionFromRow,
    );

  async function claimOne(row: Selectable<WebhookOutboxTable>, leaseUntil: string): Promise<boolean> {
    const result = await db
      .updateTable('webhook_outbox')
      .set({ next_attempt_at: leaseUntil })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', row.next_attempt_at)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  return {
    async subscribe(s) {
      await db
        .insertInto('webhook_subscriptions')
        .values({ id: s.id, url: s.url, event_types_json: toJsonColumn(s.eventTypes), secret: s.secret, created_at: s.createdAt })
        .execute();
    },
    getSubscription: (id) => firstRow(db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id), subscriptionFromRow),
    listSubscriptions,
    async unsubscribe(id) {
      // the outbox rows go with it (ON DELETE CASCADE)
      const result = await db.deleteFrom('webhook_subscriptions').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async subscriptionsFor(eventType) {
      // subscribers are few; filtering the JSON array here keeps the SQL the same on every dialect
      return (await listSubscriptions()).filter((s) => s.eventTypes.includes(eventType));
    },
    async enqueue(messages) {
      if (messages.length === 0) return;
      await db
        .insertInto('webhook_outbox')
        .values(
          messages.map((m) => ({
            id: m.id,
            subscription_id: m.subscriptionId,
            event_type: m.eventType,
            payload_json: toJsonColumn(m.payload),
            status: 'pending',
            attempts: 0,
            created_at: m.createdAt,
            next_attempt_at: m.createdAt,
            delivered_at: null,
            last_error: null,
          })),
        )
        .execute();
    },
    async claimDue(now, leaseUntil, limit) {
      const due = await db
        .selectFrom('webhook_outbox')
        .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_outbox.subscription_id')
        .selectAll('webhook_outbox')
        .select(['webhook_subscriptions.url', 'webhook_subscriptions.secret'])
        .where('webhook_outbox.status', '=', 'pending')
        .where('webhook_outbox.next_attempt_at', '<=', now)
        .orderBy('webhook_outbox.next_attempt_at')
        .orderBy('webhook_outbox.id')
        .limit(limit)
        .execute();
      const claimed: OutboxDelivery[] = [];
      for (const row of due) {
        if (await claimOne(row, leaseUntil)) {
          claimed.push({ ...messageFromRow({ ...row, next_attempt_at: leaseUntil }), url: row.url, secret: row.secret });
        }
      }
      return claimed;
    },
    async markDelivered(id, at, attempts) {
      await db
        .updateTable('webhook_outbox')
        .set({ status: 'delivered', delivered_at: at, attempts, last_error: null })
        .where('id', '=', id)
        .execute();
    },
    async markRetry(id, attempts, nextAttemptAt, lastError) {
      await db
        .updateTable('webhook_outbox')
        .set({ attempts, next_attempt_at: nextAttemptAt, last_error: lastError })
        .where('id', '=', id)
        .execute();
    },
    async markDead(id, attempts, lastError) {
      await db
        .updateTable('webhook_outbox')
        .set({ status: 'dead', attempts, last_error: lastError })
        .where('id', '=', id)
        .execute();
    },
    getMessage: (id) => firstRow(db.selectFrom('webhook_outbox').selectAll().where('id', '=', id), messageFromRow),
    async listMessages(query = {}) {
      const equal = { status: query.status, subscription_id: query.subscriptionId };
      const rows = await newestMatching(db.selectFrom('webhook_outbox').selectAll(), equal, 'created_at', query.limit ?? 100).execute();
      return rows.map(messageFromRow);
    },
    async backlog() {
      const row = await db
        .selectFrom('webhook_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
