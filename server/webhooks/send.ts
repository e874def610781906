import type { OutboxDelivery } from '../store/webhook-tables.js';
import { parseRetryAfterMs } from './backoff.js';
import { signWebhook } from './sign.js';
import { TargetRefusedError } from './targets/guarded-lookup.js';
import type { HttpPost } from './targets/http-post.js';

export type SendOutcome =
  | { ok: true; status: number }
  /** permanent: retrying cannot help (the target is refused), so the message is dead at once */
  | { ok: false; error: string; retryAfterMs: number | null; permanent: boolean };

const USER_AGENT = 'Flashcrowd-Webhooks/1';

const failure = (error: string, permanent = false): SendOutcome => ({ ok: false, error, retryAfterMs: null, permanent });

/** One signed POST. Success is a 2xx only; redirects are not followed (a 3xx is a failure, per the spec). */
export async function sendWebhook(post: HttpPost, message: OutboxDelivery, now: number, timeoutMs: number): Promise<SendOutcome> {
  let url: URL;
  try {
    url = new URL(message.url);
  } catch {
    return failure('refused: the subscription URL is not an absolute URL', true);
  }
  const body = JSON.stringify(message.payload);
  try {
    const response = await post(url, { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...signWebhook(message.secret, message.id, now, body) }, body, timeoutMs);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, error: `HTTP ${response.status}`, retryAfterMs: parseRetryAfterMs(response.retryAfter, now), permanent: false };
  } catch (error) {
    if (error instanceof TargetRefusedError) return failure(error.message, true);
    return failure(error instanceof Error ? error.message : String(error));
  }
}
