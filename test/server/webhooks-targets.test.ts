/**
 * Webhooks cannot be pointed inward: refused at subscription, and refused again when a
 * delivery connects. Receivers listen on loopback and host names resolve through an
 * injected resolver, so nothing here resolves or connects outward.
 */
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enqueue } from '../../server/webhooks/enqueue.js';
import type { Resolve } from '../../server/webhooks/targets/guarded-lookup.js';
import { incidentBody, startReceiver, type TestReceiver } from '../../server/webhooks/test-helpers.js';
import { createTestServer, wallTimeHeldTimers, type TestServer } from './fixtures.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const loopbackResolver: Resolve = async () => [{ address: '127.0.0.1', family: 4 }];

async function server(webhooks: { enabled: boolean; allowPrivate?: boolean }): Promise<TestServer> {
  // real polls over real sockets, signed with the time the receiver's check compares to its own
  const s = await createTestServer({ webhooks: { ...webhooks, pollIntervalMs: 50, resolve: loopbackResolver }, clock: wallTimeHeldTimers });
  cleanup.push(() => s.close());
  return s;
}

async function receiver(): Promise<TestReceiver> {
  const r = await startReceiver();
  cleanup.push(() => r.close());
  return r;
}

const subscribe = (s: TestServer, url: string) =>
  s.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: s.auth('admin'), payload: { url, eventTypes: ['incident.updated'] } });

const deliveries = async (s: TestServer, id: string) =>
  (await s.app.inject({ url: `/api/v1/webhooks/${id}/deliveries`, headers: s.auth('admin') })).json<{ deliveries: { status: string; attempts: number; lastError: string | null }[] }>().deliveries;

const WAIT = { timeout: 10_000, interval: 25 };

describe('subscribing to an inward address', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', 'webhook.target-private', '127.0.0.1 is a loopback address'],
    ['http://2130706433/hook', 'webhook.target-private', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/hook', 'webhook.target-private', '127.0.0.1 is a loopback address'],
    ['http://[::ffff:7f00:1]/hook', 'webhook.target-private', '::ffff:7f00:1 is an IPv4-mapped form of 127.0.0.1'],
    ['http://localhost:8080/api/v1/tokens', 'webhook.target-private', 'localhost is a loopback name'],
    ['https://10.0.0.1/hook', 'webhook.target-private', '10.0.0.1 is a private network address'],
    ['http://0.0.0.0:8080/hook', 'webhook.target-forbidden', '0.0.0.0 is an unspecified address'],
    ['http://169.254.169.254/latest/meta-data/', 'webhook.target-forbidden', '169.254.169.254 is a cloud metadata address'],
    ['http://[fd00:ec2::254]/', 'webhook.target-forbidden', 'fd00:ec2::254 is a cloud metadata address'],
    ['ftp://hooks.example.com/x', 'webhook.url-scheme', 'the scheme ftp: is not accepted'],
    ['https://user:secret@hooks.example.com/x', 'webhook.url-credentials', 'must not carry a user name or password'],
  ])('%s is refused with a 400 naming body.url and why, and nothing is stored', async (url, code, why) => {
    const s = await server({ enabled: false });
    const res = await subscribe(s, url);
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { code: string; message: string; field: string } }>();
    expect(error).toMatchObject({ code, field: 'body.url' });
    expect(error.message).toContain(`body.url: ${why}`);
    expect(await s.store.webhooks.listSubscriptions()).toEqual([]);
  });

  it('with allowPrivate a private receiver is accepted, a metadata address still is not', async () => {
    const s = await server({ enabled: false, allowPrivate: true });
    expect((await subscribe(s, 'http://127.0.0.1:8080/hook')).statusCode).toBe(201);
    expect((await subscribe(s, 'http://192.168.1.20/hook')).statusCode).toBe(201);
    expect((await subscribe(s, 'http://169.254.169.254/')).statusCode).toBe(400);
  });
});

describe('delivering to an inward address', () => {
  it('a host name that resolves to loopback is refused when connecting: the receiver gets nothing, the refusal is listed with its reason', async () => {
    const s = await server({ enabled: true });
    const r = await receiver();
    const res = await subscribe(s, `http://hooks.example.test:${r.port}/hook`);
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: string }>();
    await enqueue(s.store, 'incident.updated', incidentBody, { now: s.clock.now() });
    s.app.webhooks?.wake();

    await vi.waitFor(async () => expect((await deliveries(s, id))[0]).toMatchObject({ status: 'dead', attempts: 1 }), WAIT);
    expect((await deliveries(s, id))[0]?.lastError).toMatch(/^refused: hooks\.example\.test resolves to 127\.0\.0\.1 is a loopback address; .*--webhook-allow-private/);
    expect(r.connections()).toBe(0);
    expect(r.received).toEqual([]);
    expect(await s.app.webhooks?.metrics()).toMatchObject({ dead: 1, backlog: 0 });
  });

  it('with allowPrivate the same loopback receiver gets the signed delivery', async () => {
    const s = await server({ enabled: true, allowPrivate: true });
    const r = await receiver();
    const res = await subscribe(s, r.url);
    expect(res.statusCode).toBe(201);
    const { id, secret } = res.json<{ id: string; secret: string }>();
    await enqueue(s.store, 'incident.updated', incidentBody, { now: s.clock.now() });
    s.app.webhooks?.wake();

    await vi.waitFor(() => expect(r.received).toHaveLength(1), WAIT);
    const { headers, body } = r.received[0]!;
    expect(new Webhook(secret).verify(body, headers as Record<string, string>)).toEqual(incidentBody);
    await vi.waitFor(async () => expect((await deliveries(s, id))[0]).toMatchObject({ status: 'delivered', attempts: 1, lastError: null }), WAIT);
  });

  it('lists deliveries only for a subscription that exists', async () => {
    const s = await server({ enabled: false });
    const res = await s.app.inject({ url: '/api/v1/webhooks/wh_missing/deliveries', headers: s.auth('admin') });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'webhook.not-found' } });
  });
});
