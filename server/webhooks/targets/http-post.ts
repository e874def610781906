/**
 * One POST to a webhook receiver over node:http(s), through the target guard: a literal IP
 * host is judged before connecting (net.connect skips `lookup` for literals), a host name
 * on the addresses it resolves to. Redirects are never followed; the caller sees the 3xx.
 */
import http from 'node:http';
import https from 'node:https';
import { classifyAddress } from './classify-address.js';
import { guardedLookup, refuseAddresses, TargetRefusedError, type Resolve } from './guarded-lookup.js';
import type { TargetPolicy } from './target-policy.js';

export interface PostResponse {
  status: number;
  retryAfter: string | null;
}

/** rejects on a network failure, a timeout (an Error named TimeoutError) or a refused target (TargetRefusedError) */
export type HttpPost = (url: URL, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<PostResponse>;

export function guardedPost(policy: TargetPolicy, resolve: Resolve): HttpPost {
  const lookup = guardedLookup(resolve, policy);
  return (url, headers, body, timeoutMs) =>
    new Promise<PostResponse>((resolvePost, reject) => {
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      const why = classifyAddress(host) ? refuseAddresses(host, [host], policy) : null;
      if (why) return reject(new TargetRefusedError(`refused: ${why}`));
      const client = url.protocol === 'https:' ? https : http;
      // agent: false, a fresh connection per delivery: a pooled socket would skip the lookup
      const request = client.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: false, lookup }, (response) => {
        clearTimeout(timer);
        const retryAfter = response.headers['retry-after'];
        resolvePost({ status: response.statusCode ?? 0, retryAfter: retryAfter ?? null });
        // the body is not read: the status decides
        response.destroy();
      });
      const timer = setTimeout(() => request.destroy(Object.assign(new Error(`no response within ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body);
    });
}
