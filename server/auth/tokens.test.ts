import { fc, test } from '@fast-check/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { redactToken } from './redact.js';
import { TOKEN_ROLES } from './roles.js';
import { createToken, ensureAdminToken, generateToken, hashToken, verifyToken } from './tokens.js';

const NOW = Date.parse('2026-02-03T01:00:00.000Z');
const GIVEN = 'ci-admin-token-0123456789abcdef';

let store: Store;
beforeEach(async () => {
  store = await openSqliteStore(':memory:');
});
afterEach(async () => store.close());

test.prop([fc.constantFrom(...TOKEN_ROLES)])('a generated token names its role and carries 32 random bytes', (role) => {
  const token = generateToken(role);
  expect(token).toMatch(new RegExp(`^fc_${role}_[A-Za-z0-9_-]{43}$`));
  expect(Buffer.from(token.slice(`fc_${role}_`.length), 'base64url')).toHaveLength(32);
  expect(generateToken(role)).not.toBe(token);
});

describe('createToken and verifyToken', () => {
  it('stores only the hash and verifies the token back to its identity', async () => {
    const created = await createToken(store, 'operator', 'on-call', NOW);
    const [record] = await store.tokens.list();
    expect(record).toEqual({ id: created.tokenId, role: 'operator', hash: hashToken(created.token), name: 'on-call', createdAt: '2026-02-03T01:00:00.000Z', lastUsedAt: null });
    expect(JSON.stringify(await store.tokens.list())).not.toContain(created.token.slice(12));
    expect(await verifyToken(store, created.token, NOW)).toEqual({ tokenId: created.tokenId, role: 'operator', name: 'on-call' });
  });

  it('rejects unknown and altered tokens', async () => {
    const created = await createToken(store, 'ingest', 'k6', NOW);
    expect(await verifyToken(store, `${created.token}x`, NOW)).toBeNull();
    expect(await verifyToken(store, generateToken('ingest'), NOW)).toBeNull();
    expect(await verifyToken(store, '', NOW)).toBeNull();
  });

  it('records last use at most once a minute', async () => {
    const { token, tokenId } = await createToken(store, 'ingest', 'k6', NOW);
    await verifyToken(store, token, NOW);
    await verifyToken(store, token, NOW + 59_000);
    expect((await store.tokens.get(tokenId))?.lastUsedAt).toBe('2026-02-03T01:00:00.000Z');
    await verifyToken(store, token, NOW + 60_000);
    expect((await store.tokens.get(tokenId))?.lastUsedAt).toBe('2026-02-03T01:01:00.000Z');
  });
});

describe('ensureAdminToken', () => {
  it('creates a first admin token when none is given or stored, then leaves it', async () => {
    const first = await ensureAdminToken(store, null, NOW);
    expect(first.ok && first.value.kind).toBe('created');
    if (!first.ok || first.value.kind !== 'created') return;
    expect(await verifyToken(store, first.value.created.token, NOW)).toMatchObject({ role: 'admin' });
    expect(await ensureAdminToken(store, undefined, NOW)).toEqual({ ok: true, value: { kind: 'existing' } });
    expect(await store.tokens.countByRole('admin')).toBe(1);
  });

  it('stores a given token by hash, idempotently', async () => {
    const a = await ensureAdminToken(store, GIVEN, NOW);
    const b = await ensureAdminToken(store, GIVEN, NOW + 1000);
    expect(a).toEqual(b);
    expect(a.ok && a.value.kind).toBe('given');
    expect(await store.tokens.countByRole('admin')).toBe(1);
    expect(await verifyToken(store, GIVEN, NOW)).toMatchObject({ role: 'admin' });
    expect(JSON.stringify(await store.tokens.list())).not.toContain(GIVEN);
  });

  it('takes the given token another instance stored between its look-up and its insert', async () => {
    const other = await ensureAdminToken(store, GIVEN, NOW);
    // this instance looked before the other stored it
    let looked = false;
    const tokens = { ...store.tokens, findByHash: async (hash: string) => (looked ? store.tokens.findByHash(hash) : ((looked = true), null)) };
    const mine = await ensureAdminToken({ ...store, tokens }, GIVEN, NOW + 10);
    expect(mine).toEqual(other);
    expect(await store.tokens.countByRole('admin')).toBe(1);
  });

  it.each([
    ['aaaaaaaaaaaaaaaaaaaaaaaa', 'too few distinct characters'],
    ['abcdefghijklmnopqrstuvwxyz0123', 'mostly sequences'],
    ['tooshort', 'too short'],
  ])('refuses the weak admin token %s, saying why (%s)', async (token, why) => {
    const result = await ensureAdminToken(store, token, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: 'auth.admin-token', field: 'adminToken', message: expect.stringContaining(why) });
    expect(await store.tokens.list()).toEqual([]);
  });

  it('refuses a short given token and one already stored with another role', async () => {
    const short = await ensureAdminToken(store, 'secret', NOW);
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.errors[0]).toMatchObject({ code: 'auth.admin-token', field: 'adminToken' });
    const ingest = await createToken(store, 'ingest', 'k6', NOW);
    const clash = await ensureAdminToken(store, ingest.token, NOW);
    expect(clash.ok).toBe(false);
  });
});

it('redactToken keeps only the role prefix', () => {
  expect(redactToken('fc_admin_abcdef')).toBe('fc_admin_[redacted]');
  expect(redactToken('whatever')).toBe('[redacted]');
});
