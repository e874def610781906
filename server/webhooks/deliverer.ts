/**
 * The shell around the outbox: polls due messages, sends them, and records the outcome.
 * Everything it knows lives in the webhook_outbox table, so a restart resumes where the
 * last process stopped; a message claimed by a process that died is retried once its
 * lease runs out. Delivery is at least once: receivers deduplicate on webhook-id.
 */
import type { Store } from '../store/store.js';
import type { OutboxDelivery } from '../store/webhook-tables.js';
import { afterAttempt, type RetryRules } from './after-attempt.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { sendWebhook } from './send.js';
import { guardedPost, type HttpPost } from './targets/http-post.js';
import { systemResolve, type Resolve } from './targets/guarded-lookup.js';
import { PUBLIC_ONLY, type TargetPolicy } from './targets/target-policy.js';

export interface WebhookDelivererOptions {
  store: Store;
  /** which addresses deliveries may connect to; default public ones only */
  targets?: TargetPolicy;
  /** host name resolution for the connection-time guard; default the system resolver */
  resolve?: Resolve;
  /** the HTTP request itself; default a guarded POST built from `targets` and `resolve` */
  post?: HttpPost;
  /** the app's clock: attempt times, retry times and leases */
  now: () => number;
  /** [0, 1), for the backoff jitter */
  random?: () => number;
  /** per request; default 10 s */
  timeoutMs?: number;
  /** after this many failed attempts a message is dead; default 10 */
  maxAttempts?: number;
  /** idle wait between polls; default 1 s */
  pollIntervalMs?: number;
  /** messages sent concurrently per poll; default 10 */
  batchSize?: number;
  backoff?: BackoffPolicy;
  /** store errors in the background loop; the loop carries on at the next poll */
  onError?: (error: unknown) => void;
}

export interface WebhookMetrics {
  /** since this deliverer was created */
  delivered: number;
  failedAttempts: number;
  dead: number;
  /** pending messages in the outbox now */
  backlog: number;
}

export interface WebhookDeliverer {
  /** poll in the background until stop() */
  start(): void;
  /** stop polling; resolves once the delivery in flight has been recorded */
  stop(): Promise<void>;
  /** send what is due now (for tests and a final drain); returns how many messages were attempted */
  runOnce(): Promise<number>;
  /** poll now rather than at the next interval, e.g. right after enqueue */
  wake(): void;
  metrics(): Promise<WebhookMetrics>;
}

export function createWebhookDeliverer(options: WebhookDelivererOptions): WebhookDeliverer {
  const { store } = options;
  const post = options.post ?? guardedPost(options.targets ?? PUBLIC_ONLY, options.resolve ?? systemResolve);
  const now = options.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const rules: RetryRules = {
    maxAttempts: options.maxAttempts ?? 10,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    random: options.random ?? Math.random,
  };
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 10;
  // long enough for a whole batch to finish, short enough that a crashed claim is retried soon
  const leaseMs = 2 * timeoutMs + 5_000;
  const counters = { delivered: 0, failedAttempts: 0, dead: 0 };

  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeRequested = false;
  // polls run one after another, whether from the loop or from runOnce()
  let chain: Promise<unknown> = Promise.resolve();

  async function attempt(message: OutboxDelivery): Promise<void> {
    const outcome = await sendWebhook(post, message, now(), timeoutMs);
    const finishedAt = now();
    const next = afterAttempt(message.attempts, outcome, finishedAt, rules);
    if (next.kind === 'delivered') {
      counters.delivered += 1;
      await store.webhooks.markDelivered(message.id, new Date(finishedAt).toISOString(), next.attempts);
      return;
    }
    counters.failedAttempts += 1;
    if (next.kind === 'dead') {
      counters.dead += 1;
      await store.webhooks.markDead(message.id, next.attempts, next.error);
    } else {
      await store.webhooks.markRetry(message.id, next.attempts, new Date(next.nextAttemptAt).toISOString(), next.error);
    }
  }

  async function poll(): Promise<number> {
    const at = now();
    const due = await store.webhooks.claimDue(new Date(at).toISOString(), new Date(at + leaseMs).toISOString(), batchSize);
    await Promise.all(due.map(attempt));
    return due.length;
  }

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = chain.then(work);
    chain = result.catch(() => undefined);
    return result;
  }

  function schedule(delayMs: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      wakeRequested = false;
      exclusive(poll).then(
        (count) => schedule(count === batchSize || wakeRequested ? 0 : pollIntervalMs),
        (error: unknown) => {
          options.onError?.(error);
          schedule(pollIntervalMs);
        },
      );
    }, delayMs);
    // a pending poll must not keep the process alive on its own
    timer.unref();
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await chain;
    },
    runOnce: () => exclusive(poll),
    wake() {
      if (timer) schedule(0);
      else wakeRequested = true;
    },
    async metrics() {
      return { ...counters, backlog: await store.webhooks.backlog() };
    },
  };
}
