/**
 * The registration-time check of a webhook URL. A literal IP in any spelling is judged here
 * (the WHATWG URL parser already turns 2130706433, 0x7f.1 and 127.1 into 127.0.0.1); a
 * host name is judged again on every connection, on the addresses it resolves to then.
 */
import { domainError, type DomainError } from '../../errors/codes.js';
import { fail, ok, type Result } from '../../errors/result.js';
import { classifyAddress } from './classify-address.js';
import { PUBLIC_ONLY_HINT, refusal, type TargetPolicy } from './target-policy.js';

export const MAX_URL_LENGTH = 2000;


function isLocalhostName(hostname: string): boolean {
  const name = hostname.replace(/\.$/, '').toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost');
}

export function checkTargetUrl(raw: string, policy: TargetPolicy): Result<URL> {
  const refuse = (error: DomainError): Result<URL> => fail({ ...error, field: 'url' });
  if (raw.length > MAX_URL_LENGTH) return refuse(domainError('webhook.url-length', { length: raw.length, max: MAX_URL_LENGTH }));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse(domainError('webhook.url', undefined));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse(domainError('webhook.url-scheme', { scheme: url.protocol.slice(0, 20) }));
  if (url.username !== '' || url.password !== '') return refuse(domainError('webhook.url-credentials', undefined));
  // policy.allowPrivate admits loopback addresses, so it admits the loopback names too
  if (isLocalhostName(url.hostname) && !policy.allowPrivate) {
    return refuse(domainError('webhook.target-private', { reason: `${url.hostname} is a loopback name; ${PUBLIC_ONLY_HINT}` }));
  }
  const verdict = classifyAddress(url.hostname);
  const why = verdict ? refusal(verdict, policy) : null;
  if (verdict && why) return refuse(domainError(verdict.class === 'forbidden' ? 'webhook.target-forbidden' : 'webhook.target-private', { reason: why }));
  return ok(url);
}
