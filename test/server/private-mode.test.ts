/**
 * --no-public-read covers everything that reads: the HTTP API and the live feed, through the
 * same decision; the page shells still load so a reader can paste a token into them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, ClientToServerEvents, ServerToClientEvents, Snapshot } from '../../server/contracts.js';
import { createTestServer, ROLES, type TestServer } from './fixtures.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function privateServer(options: Parameters<typeof createTestServer>[0] = {}): Promise<{ server: TestServer; url: string }> {
  const server = await createTestServer({ publicRead: false, ...options });
  cleanup.push(() => server.close());
  return { server, url: await server.listen() };
}

type Outcome = { connected: true; socket: Client } | { connected: false; code: string; message: string };

/** connect once, no retries: either the socket, or the refusal the server sent */
function connect(url: string, options: { auth?: Record<string, unknown>; extraHeaders?: Record<string, string> } = {}): Promise<Outcome> {
  const socket: Client = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  cleanup.push(() => {
    socket.close();
  });
  return new Promise((resolve) => {
    socket.on('connect', () => resolve({ connected: true, socket }));
    socket.on('connect_error', (err) => {
      const data = (err as Error & { data?: { code: string; message: string } }).data;
      resolve({ connected: false, code: data?.code ?? 'none', message: data?.message ?? err.message });
    });
  });
}

describe('the live feed in private mode', () => {
  it('refuses a handshake without a token, saying what is needed', async () => {
    const { url } = await privateServer();
    const outcome = await connect(url);
    expect(outcome).toMatchObject({ connected: false, code: 'auth.missing-token', message: expect.stringContaining('token') });
  });

  it.each([{ token: 'fc_admin_notarealtoken' }, { token: 42 }, { token: '' }])('refuses the handshake auth %j', async (auth) => {
    const { url } = await privateServer();
    const outcome = await connect(url, { auth });
    expect(outcome.connected).toBe(false);
    if (!outcome.connected) expect(['auth.missing-token', 'auth.invalid-token']).toContain(outcome.code);
  });

  it.each(ROLES)('accepts a token of role %s and delivers the snapshot', async (role) => {
    const { server, url } = await privateServer();
    const outcome = await connect(url, { auth: { token: server.tokens[role] } });
    expect(outcome.connected).toBe(true);
    if (!outcome.connected) return;
    const ack = (await outcome.socket.timeout(5000).emitWithAck('subscribe', { services: '*' })) as Ack<Snapshot>;
    expect(ack.ok && ack.value.plan.services.length).toBeGreaterThan(0);
  });

  it('accepts the token as an Authorization header too (for programs)', async () => {
    const { server, url } = await privateServer();
    expect((await connect(url, { extraHeaders: { authorization: `Bearer ${server.tokens.ingest}` } })).connected).toBe(true);
  });

  it('refuses with auth.throttled after too many unknown tokens from one address, and counts it', async () => {
    const { server, url } = await privateServer({ authFailures: { maxFailures: 2, windowMs: 60_000 } });
    for (let i = 0; i < 2; i++) expect(await connect(url, { auth: { token: `fc_admin_guess${i}` } })).toMatchObject({ code: 'auth.invalid-token' });
    expect(await connect(url, { auth: { token: server.tokens.admin } })).toMatchObject({ connected: false, code: 'auth.throttled' });
    const metrics = (await server.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/flashcrowd_auth_denied_total\{code="auth.throttled"\} 1/);
    expect(metrics).toMatch(/flashcrowd_auth_denied_total\{code="auth.invalid-token"\} 2/);
  });

  it('counts failures per client as HTTP does: X-Forwarded-For only behind a trusted proxy', async () => {
    const guess = (url: string, from: string) => connect(url, { auth: { token: 'fc_admin_guess' }, extraHeaders: { 'x-forwarded-for': from } });
    const direct = await privateServer({ authFailures: { maxFailures: 1, windowMs: 60_000 } });
    await guess(direct.url, '203.0.113.1');
    expect(await guess(direct.url, '203.0.113.2')).toMatchObject({ code: 'auth.throttled' });
    const proxied = await privateServer({ trustProxy: '127.0.0.1', authFailures: { maxFailures: 1, windowMs: 60_000 } });
    await guess(proxied.url, '203.0.113.1');
    expect(await guess(proxied.url, '203.0.113.1')).toMatchObject({ code: 'auth.throttled' });
    expect(await guess(proxied.url, '203.0.113.2')).toMatchObject({ code: 'auth.invalid-token' });
  });

  it('stays open to anyone when reads are public', async () => {
    const server = await createTestServer();
    cleanup.push(() => server.close());
    expect((await connect(await server.listen())).connected).toBe(true);
  });
});

describe('HTTP in private mode', () => {
  it('reads answer 401 without a token and 200 with one of any role', async () => {
    const { server } = await privateServer();
    for (const url of ['/api/v2/summary.json', '/api/v1/plan', '/api/v1/drills', '/history.atom']) {
      const anonymous = await server.app.inject({ url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json().error.code).toBe('auth.missing-token');
      for (const role of ROLES) expect((await server.app.inject({ url, headers: server.auth(role) })).statusCode, `${url} as ${role}`).toBe(200);
    }
  });

  it('a token in the query string is not taken as a token', async () => {
    const { server } = await privateServer();
    expect((await server.app.inject({ url: `/api/v2/summary.json?token=${server.tokens.admin}` })).statusCode).toBe(401);
  });

  it('the page shells load without a token, so a reader can paste one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flashcrowd-dashboard-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>dashboard</title>');
    writeFileSync(join(dir, 'status.html'), '<!doctype html><title>status</title>');
    const { server } = await privateServer({ dashboardDir: dir });
    for (const url of ['/', '/status']) expect((await server.app.inject({ url })).statusCode, url).toBe(200);
  });
});
