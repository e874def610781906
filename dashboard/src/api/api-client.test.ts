import { describe, expect, test } from 'vitest';
import { createApiClient } from './api-client.js';
import { drill, PLAN } from '../test-support/fixtures.js';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(respond: (call: Call) => Response | Promise<Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return respond(call);
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('api client', () => {
  test('starts a drill with the token as a Bearer header and the body as JSON', async () => {
    const { fetch, calls } = fakeFetch(() => json(201, drill('d9')));
    const api = createApiClient({ fetch, token: () => 'secret' });
    const result = await api.startDrill({ scenario: 'feb3', speed: 120, policy: 'predictive', source: 'generated' });
    expect(result).toEqual({ ok: true, value: drill('d9') });
    expect(calls[0]).toEqual({
      url: '/api/v1/drills',
      method: 'POST',
      headers: { Accept: 'application/json', Authorization: 'Bearer secret', 'Content-Type': 'application/json' },
      body: { scenario: 'feb3', speed: 120, policy: 'predictive', source: 'generated' },
    });
  });

  test('reads without a token send no Authorization header and get the plan without its file', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, PLAN));
    const api = createApiClient({ fetch, token: () => null, baseUrl: 'http://h:1' });
    const result = await api.getPlan();
    expect(result.ok && result.value.raw).toBeNull();
    expect(calls.map((c) => c.url)).toEqual(['http://h:1/api/v1/plan']);
    expect(calls[0]?.headers).toEqual({ Accept: 'application/json' });
  });

  test('with a token, the plan file comes from the operator-only source route', async () => {
    const { fetch, calls } = fakeFetch(({ url }) => json(200, url.endsWith('/source') ? { name: 'feb3-plan', raw: 'name: feb3-plan\n' } : PLAN));
    const api = createApiClient({ fetch, token: () => 'op' });
    const result = await api.getPlan();
    expect(result.ok && result.value.raw).toBe('name: feb3-plan\n');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/plan', '/api/v1/plan/source']);
  });

  test('a token that may not read the plan file still gets the summary', async () => {
    const { fetch } = fakeFetch(({ url }) => (url.endsWith('/source') ? json(403, { error: { code: 'auth.forbidden', message: 'no' } }) : json(200, PLAN)));
    const result = await createApiClient({ fetch, token: () => 'reader' }).getPlan();
    expect(result).toEqual({ ok: true, value: { ...PLAN, raw: null } });
  });

  test('paths escape ids and carry the drill filter', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, {}));
    const api = createApiClient({ fetch, token: () => 't' });
    await api.listDrills('running');
    await api.stopDrill('a/b');
    await api.scale('d1', 'chat', 12);
    await api.postNotice({ service: 'chat', stage: 'identified', text: { en: { title: 'T', body: 'B' }, 'zh-CN': { title: '题', body: '文' } } });
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', '/api/v1/drills?status=running', undefined],
      ['POST', '/api/v1/drills/a%2Fb/stop', undefined],
      ['POST', '/api/v1/drills/d1/scale', { service: 'chat', desired: 12 }],
      ['POST', '/api/v1/notices', { service: 'chat', stage: 'identified', text: { en: { title: 'T', body: 'B' }, 'zh-CN': { title: '题', body: '文' } } }],
    ]);
    expect(api.reportUrl('d1', 'html')).toBe('/api/v1/drills/d1/report.html');
  });

  test('a 4xx body becomes an error value naming the code, message and field', async () => {
    const { fetch } = fakeFetch(() => json(400, { error: { code: 'request.invalid', message: 'speed must be > 0', field: 'speed' } }));
    const result = await createApiClient({ fetch, token: () => 't' }).startDrill({ scenario: 'feb3', speed: 0, source: 'generated' });
    expect(result).toEqual({ ok: false, errors: [{ status: 400, code: 'request.invalid', message: 'speed must be > 0', field: 'speed' }] });
  });

  test('a bare 401 and a network failure are error values too', async () => {
    const unauthorised = await createApiClient({ fetch: fakeFetch(() => new Response('nope', { status: 401, statusText: 'Unauthorized' })).fetch, token: () => 'bad' }).stopDrill('d1');
    expect(unauthorised).toEqual({ ok: false, errors: [{ status: 401, code: 'client.status', message: 'Unauthorized' }] });
    const offline = await createApiClient({ fetch: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch, token: () => null }).getDrill('d1');
    expect(offline).toEqual({ ok: false, errors: [{ status: 0, code: 'client.network', message: 'Failed to fetch' }] });
  });
});
