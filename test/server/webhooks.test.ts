import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort, startReceiver, type ReceivedRequest, type TestReceiver } from '../../server/webhooks/test-helpers.js';
import { createTestServer, SURGE_WINDOW, tickUntil, wallTimeHeldTimers, type TestServer } from './fixtures.js';

const load = (name: string): object => JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
formats.default(ajv);
ajv.addSchema(load('statuspage-common.json'));
const validateIncident = ajv.compile({ $ref: 'statuspage-common.json#/definitions/incident' });

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function webhookServer(): Promise<TestServer> {
  const server = await createTestServer({
    publicUrl: 'http://status.example.test',
    // the receivers here listen on loopback, which only an on-premises install may reach
    webhooks: { enabled: true, allowPrivate: true, pollIntervalMs: 50, backoff: { baseMs: 100, maxMs: 400, jitter: 0 } },
    // real retries over real sockets, signed with the time the receiver's check compares to its own;
    // the drill still ticks only when the test says
    clock: wallTimeHeldTimers,
  });
  cleanup.push(() => server.close());
  return server;
}

async function subscribe(server: TestServer, url: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: server.auth('admin'), payload: { url, eventTypes: ['incident.updated'] } });
  expect(res.statusCode).toBe(201);
  return res.json<{ secret: string }>().secret;
}

/** A drill into the 09:00 wave until an incident is open; returns how many notices it published. */
async function runToIncident(server: TestServer): Promise<number> {
  await server.startDrill({ speed: 600, ...SURGE_WINDOW });
  const runner = server.drill();
  tickUntil(runner, () => runner.latestTick('messaging')?.level === 'critical');
  await server.app.drills.flush();
  server.app.webhooks?.wake();
  return (await server.store.notices.list({ limit: 1000 })).length;
}

interface IncidentBody {
  meta: { unsubscribe: string };
  page: { id: string; status_indicator: string };
  incident: { id: string; status: string; incident_updates: { status: string; precautionary: boolean; cause: string; expected_recovery_at: string | null }[] };
}

function verified(received: ReceivedRequest, secret: string): IncidentBody {
  const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(received.headers[h])]));
  return new Webhook(secret).verify(received.body, headers) as IncidentBody;
}

const WAIT = { timeout: 15_000, interval: 50 };

describe('outgoing webhooks', () => {
  it('delivers incident.updated bodies in the Statuspage shape, signed per Standard Webhooks', async () => {
    const server = await webhookServer();
    const receiver: TestReceiver = await startReceiver();
    cleanup.push(() => receiver.close());
    const secret = await subscribe(server, receiver.url);
    const notices = await runToIncident(server);
    expect(notices).toBeGreaterThan(0);

    await vi.waitFor(() => expect(receiver.received).toHaveLength(notices), WAIT);
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(notices);
    for (const r of receiver.received) {
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      const body = verified(r, secret);
      expect(validateIncident(body.incident), ajv.errorsText(validateIncident.errors)).toBe(true);
      // the page is degraded while an incident's latest update says users are held up (not resolved,
      // not back to normal speed, not a precaution)
      const latest = body.incident.incident_updates[0];
      if (latest && latest.status !== 'resolved' && latest.status !== 'monitoring' && !latest.precautionary) expect(body.page.status_indicator).not.toBe('none');
      expect(body.meta.unsubscribe).toMatch(/^http:\/\/status\.example\.test\/api\/v1\/webhooks\/wh_/);
      expect(body.incident.incident_updates[0]?.cause).toContain('Spring Festival');
    }
    expect(() => new Webhook(`whsec_${Buffer.alloc(24, 1).toString('base64')}`).verify(receiver.received[0]!.body, Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(receiver.received[0]!.headers[h])]),
    ))).toThrow();
  });

  it('a receiver that is down at first gets every message after retries once it comes back', async () => {
    const server = await webhookServer();
    const port = await freePort();
    const secret = await subscribe(server, `http://127.0.0.1:${port}/hook`);
    const notices = await runToIncident(server);

    await vi.waitFor(async () => {
      const messages = await server.store.webhooks.listMessages();
      expect(messages).toHaveLength(notices);
      expect(messages.every((m) => m.status === 'pending' && m.attempts >= 1 && m.lastError !== null)).toBe(true);
    }, WAIT);

    const receiver = await startReceiver(port);
    cleanup.push(() => receiver.close());
    await vi.waitFor(async () => {
      expect((await server.store.webhooks.listMessages({ status: 'delivered' })).length).toBe(notices);
    }, WAIT);
    const delivered = await server.store.webhooks.listMessages();
    expect(delivered.every((m) => m.attempts >= 2)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(notices);
    for (const r of receiver.received) expect(verified(r, secret).incident.id).toEqual(expect.any(String));
  });
});
