/**
 * The registration-time check of a webhook URL. A literal IP in any spelling is judged here
 * (the WHATWG URL parser already turns 2130706433, 0x7f.1 and 127.1 into 127.0.0.1); a
 * host name is judged again on every connection, on the addresses it resolves to then.
 */
import { fail, ok, type FlashcrowdError, type Result } from '../../core/errors.js';
import { classifyAddress } from './classify-address.js';
import { PUBLIC_ONLY_HINT, refusal, type TargetPolicy } from './target-policy.js';

export const MAX_URL_LENGTH = 2000;

const error = (code: string, message: string): FlashcrowdError => ({ code, message, field: 'url' });

function isLocalhostName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost');
}

export function checkTargetUrl(raw: string, policy: TargetPolicy): Result<URL> {
  if (raw.length > MAX_URL_LENGTH) return fail(error('webhook.url-length', `the URL is ${raw.length} characters long; at most ${MAX_URL_LENGTH} are accepted`));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(error('webhook.url', 'is not an absolute URL; give one such as https://hooks.example.com/flashcrowd'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(error('webhook.url-scheme', `the scheme ${url.protocol.slice(0, 20)} is not accepted; use http: or https:`));
  if (url.username !== '' || url.password !== '') return fail(error('webhook.url-credentials', 'must not carry a user name or password; receivers authenticate deliveries by their signature'));
  // policy.allowPrivate admits loopback addresses, so it admits the loopback names too
  if (isLocalhostName(url.hostname) && !policy.allowPrivate) {
    return fail(error('webhook.target-private', `${url.hostname} is a loopback name; ${PUBLIC_ONLY_HINT}`));
  }
  const verdict = classifyAddress(url.hostname);
  const why = verdict ? refusal(verdict, policy) : null;
  if (verdict && why) return fail(error(verdict.class === 'forbidden' ? 'webhook.target-forbidden' : 'webhook.target-private', why));
  return ok(url);
}
