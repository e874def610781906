/**
 * Hostile input against POST /api/v1/webhooks: never a 5xx, and never an inward target
 * accepted, whatever spelling it comes in. Delivery is off, so nothing is ever sent.
 * FUZZ_SEED and FUZZ_SCALE replay or widen a run.
 */
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../../server/webhooks/payloads.js';
import { createTestServer, type TestServer } from '../server/fixtures.js';
import { cases, FUZZ_TIMEOUT_MS } from './fuzz-run.js';

// the three properties below share the 10,000 cases the route gets at scale 1

// an oracle kept apart from the code under test: the inward ranges, written out
const INWARD = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
  '::/96', '::ffff:0:0/96', '64:ff9b::/96', '64:ff9b:1::/48', 'fc00::/7', 'fe80::/10', 'ff00::/8', '2001:db8::/32',
].map((c) => ipaddr.parseCIDR(c));
const PRIVATE_V4 = INWARD.filter(([ip]) => ip.kind() === 'ipv4') as [ipaddr.IPv4, number][];

function inward(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (/(^|\.)localhost\.?$/i.test(bare)) return true;
  if (!ipaddr.isValid(bare)) return false;
  const ip = ipaddr.parse(bare);
  return INWARD.some(([range, bits]) => ip.kind() === range.kind() && ip.match(range, bits));
}

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ webhooks: { enabled: false } });
});
afterAll(async () => server.close());

async function post(payload: string): Promise<{ status: number; body: { id?: string; url?: string; error?: { code: string; message: string; field?: string } } }> {
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { ...server.auth('admin'), 'content-type': 'application/json' }, payload });
  // a turn of the event loop, so the fake sockets' setImmediate clean-ups run between cases
  await new Promise((resolve) => setImmediate(resolve));
  return { status: res.statusCode, body: res.json() };
}

/** an address in one of the inward IPv4 ranges, as a 32-bit number */
const inwardV4 = fc
  .tuple(fc.constantFrom(...PRIVATE_V4), fc.nat())
  .map(([[base, bits], n]) => {
    const start = base.toByteArray().reduce((a, b) => a * 256 + b, 0);
    return start + (bits === 32 ? 0 : n % 2 ** (32 - bits));
  });

const octets = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const hex = (n: number) => `0x${n.toString(16)}`;
const oct = (n: number) => `0${n.toString(8)}`;

/** every way a URL host can spell an IPv4 address */
const spelled = fc.tuple(inwardV4, fc.integer({ min: 0, max: 9 })).map(([v, form]) => {
  const [a, b, c, d] = octets(v) as [number, number, number, number];
  const h16 = (x: number, y: number) => ((x << 8) | y).toString(16);
  switch (form) {
    case 0: return `${a}.${b}.${c}.${d}`;
    case 1: return String(v);
    case 2: return hex(v);
    case 3: return `${oct(a)}.${oct(b)}.${oct(c)}.${oct(d)}`;
    case 4: return `${hex(a)}.${hex(b)}.${c}.${hex(d)}`;
    case 5: return `${a}.${b}.${(c << 8) | d}`;
    case 6: return `${a}.${(b << 16) | (c << 8) | d}`;
    case 7: return `[::ffff:${a}.${b}.${c}.${d}]`;
    case 8: return `[::ffff:${h16(a, b)}:${h16(c, d)}]`;
    default: return `[64:ff9b::${a}.${b}.${c}.${d}]`;
  }
});
const inwardV6 = fc.constantFrom('[::1]', '[::]', '[fe80::1]', '[fc00::5]', '[fd00:ec2::254]', '[ff02::1]', '[0:0:0:0:0:0:0:1]', '[2001:db8::7]');
const inwardName = fc.constantFrom('localhost', 'LOCALHOST', 'localhost.', 'api.localhost', 'a.b.localhost');

const inwardUrl = fc
  .tuple(fc.constantFrom('http', 'https', 'HTTP', 'hTTps'), fc.oneof(spelled, inwardV6, inwardName), fc.option(fc.integer({ min: 1, max: 65535 })), fc.webPath(), fc.boolean())
  .map(([scheme, host, port, path, trailingDot]) => `${scheme}://${host}${trailingDot && !host.startsWith('[') && !host.endsWith('.') ? '.' : ''}${port === null ? '' : `:${port}`}${path}`);

const eventTypes = fc.subarray([...WEBHOOK_EVENT_TYPES], { minLength: 1 });

describe('POST /api/v1/webhooks under fuzzing', () => {
  it('refuses every spelling of an inward address with a 400 that names body.url', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(inwardUrl, eventTypes, async (url, types) => {
        const res = await post(JSON.stringify({ url, eventTypes: types }));
        expect(res.status, url).toBe(400);
        expect(res.body.error?.field, url).toBe('body.url');
      }),
      cases(4000),
    );
  });

  it('never answers 5xx and never stores an inward target, whatever the URL', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 300 }), inwardUrl, fc.string({ unit: 'binary', maxLength: 100 }).map((s) => `http://${s}/`));
    await fc.assert(
      fc.asyncProperty(url, eventTypes, async (u, types) => {
        const res = await post(JSON.stringify({ url: u, eventTypes: types }));
        expect(res.status, u).toBeLessThan(500);
        if (res.status === 201) expect(inward(new URL(res.body.url!).hostname), res.body.url).toBe(false);
        else expect(res.body.error?.message, u).toEqual(expect.any(String));
      }),
      cases(4000),
    );
  });

  it('never answers 5xx to bodies of any shape', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ url: fc.jsonValue(), eventTypes: fc.jsonValue(), secret: fc.jsonValue() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await post(payload);
        expect(res.status, payload).toBeLessThan(500);
        if (res.status === 201) expect(inward(new URL(res.body.url!).hostname), res.body.url).toBe(false);
      }),
      cases(2000),
    );
  });
});
