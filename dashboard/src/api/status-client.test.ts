import { describe, expect, test } from 'vitest';
import { authHeaders, fetchSummary, summaryUrl } from './status-client.js';

const summary = { page: { id: 'p', name: 'P', time_zone: 'UTC', updated_at: '2020-02-03T00:00:00Z' }, status: { indicator: 'none', description: 'ok' }, components: [], incidents: [] };

describe('summary.json fetch', () => {
  test('asks in the viewer language with If-None-Match and maps 200, 304, 503 and network errors', async () => {
    const seen: { url: string; headers: unknown }[] = [];
    const answers = [
      new Response(JSON.stringify(summary), { status: 200, headers: { ETag: '"v1"' } }),
      new Response(null, { status: 304 }),
      new Response('busy', { status: 503, headers: { 'Retry-After': '30' } }),
    ];
    const fetchFn = (async (url: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(url), headers: init?.headers });
      const answer = answers.shift();
      if (answer === undefined) throw new TypeError('offline');
      return answer;
    }) as typeof fetch;
    const now = (): number => 0;
    expect(await fetchSummary(fetchFn, 'zh-CN', {}, now)).toEqual({ kind: 'changed', etag: '"v1"', summary });
    expect(await fetchSummary(fetchFn, 'zh-CN', { 'If-None-Match': '"v1"' }, now)).toEqual({ kind: 'unchanged' });
    expect(await fetchSummary(fetchFn, 'en', {}, now)).toEqual({ kind: 'failed', retryAfterMs: 30_000 });
    expect(await fetchSummary(fetchFn, 'en', {}, now)).toEqual({ kind: 'failed', retryAfterMs: null });
    expect(seen[0]?.url).toBe('/api/v2/summary.json?lang=zh-CN');
    expect(seen[1]?.headers).toEqual({ Accept: 'application/json', 'If-None-Match': '"v1"' });
    expect(summaryUrl('en', 'http://x')).toBe('http://x/api/v2/summary.json?lang=en');
  });
});

describe('a private server', () => {
  test('a refused read carries the server\'s reason, for the token prompt', async () => {
    const body = { error: { code: 'auth.missing-token', message: 'This request needs a valid token (any role).' } };
    const fetchFn = (async () => new Response(JSON.stringify(body), { status: 401 })) as typeof fetch;
    expect(await fetchSummary(fetchFn, 'en', {}, () => 0)).toEqual({ kind: 'failed', retryAfterMs: null, denied: body.error });
  });

  test('the kept token goes as a Bearer header; none without one', () => {
    expect(authHeaders('fc_ingest_x')).toEqual({ Authorization: 'Bearer fc_ingest_x' });
    expect(authHeaders(null)).toEqual({});
  });
});
