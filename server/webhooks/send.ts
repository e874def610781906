import type { OutboxDelivery } from '../store/webhook-tables.js';
import { parseRetryAfterMs } from './backoff.js';
import { signWebhook } from './sign.js';

export type FetchFunction = typeof fetch;

export type SendOutcome =
  | { ok: true; status: number }
  | { ok: false; error: string; retryAfterMs: number | null };

const USER_AGENT = 'Flashcrowd-Webhooks/1';

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no response within ${timeoutMs} ms`;
  }
  // undici reports "fetch failed" with the network error (ECONNREFUSED, ENOTFOUND ...) as its cause
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** One signed POST. Success is a 2xx only; redirects are not followed (a 3xx is a failure, per the spec). */
export async function sendWebhook(fetchFn: FetchFunction, message: OutboxDelivery, now: number, timeoutMs: number): Promise<SendOutcome> {
  const body = JSON.stringify(message.payload);
  try {
    const response = await fetchFn(message.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, ...signWebhook(message.secret, message.id, now, body) },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, error: `HTTP ${response.status}`, retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after'), now) };
  } catch (error) {
    return { ok: false, error: describeFailure(error, timeoutMs), retryAfterMs: null };
  }
}
