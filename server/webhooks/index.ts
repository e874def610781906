export {
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  type WebhookBodies,
  type IncidentWebhookBody,
  type ComponentWebhookBody,
  type StatuspageWebhookMeta,
  type StatuspageWebhookPage,
} from './payloads.js';
export { enqueue, type EnqueueOptions } from './enqueue.js';
export { generateWebhookSecret, signWebhook, type WebhookHeaders } from './sign.js';
export { DEFAULT_BACKOFF, retryDelayMs, parseRetryAfterMs, type BackoffPolicy } from './backoff.js';
export { afterAttempt, type AfterAttempt, type RetryRules } from './after-attempt.js';
export { sendWebhook, type SendOutcome } from './send.js';
export { checkTargetUrl, PUBLIC_ONLY, type TargetPolicy, type Resolve, type HttpPost } from './targets/index.js';
export {
  createWebhookDeliverer,
  type WebhookDeliverer,
  type WebhookDelivererOptions,
  type WebhookMetrics,
} from './deliverer.js';
