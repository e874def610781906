/** Standard Webhooks signing (https://www.standardwebhooks.com/): symmetric HMAC-SHA256, `whsec_` secrets. */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export interface WebhookHeaders {
  'webhook-id': string;
  /** unix seconds of this attempt */
  'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` */
  'webhook-signature': string;
}

/** a new signing secret: `whsec_` + base64 of 32 random bytes (the spec allows 24 to 64) */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function signWebhook(secret: string, msgId: string, timestampMs: number, body: string): WebhookHeaders {
  const at = new Date(timestampMs);
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, at, body),
  };
}
