import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';
import { createAuthorizer } from './authorize.js';
import { createToken, type TokenIdentity } from './tokens.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

const NOW = Date.parse('2026-02-03T01:00:00.000Z');
const who = (tokenId: string): TokenIdentity => ({ tokenId, role: 'ingest', name: tokenId });

describe('VerifiedTokenCache', () => {
  it('forgets an entry after its lifetime', () => {
    const cache = new VerifiedTokenCache({ ttlMs: 5_000, maxEntries: 10 });
    cache.remember('h1', who('a'), NOW, cache.stamp());
    expect(cache.get('h1', NOW + 4_999)).toEqual(who('a'));
    expect(cache.get('h1', NOW + 5_000)).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const cache = new VerifiedTokenCache({ ttlMs: 5_000, maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) cache.remember(`h-${id}`, who(id), NOW, cache.stamp());
    expect(['a', 'b', 'c'].map((id) => cache.get(`h-${id}`, NOW)?.tokenId)).toEqual([undefined, 'b', 'c']);
  });

  it('does not take back an answer looked up before a revocation', () => {
    const cache = new VerifiedTokenCache({ ttlMs: 5_000, maxEntries: 10 });
    const stamp = cache.stamp();
    cache.forget('a');
    cache.remember('h1', who('a'), NOW, stamp);
    expect(cache.get('h1', NOW)).toBeUndefined();
  });
});

describe('the authorizer with its token cache', () => {
  let dir: string;
  let store: Store;
  let clock: number;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flashcrowd-token-cache-'));
    store = await openSqliteStore(join(dir, 'store.db'));
    clock = NOW;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a token at once when it is revoked through this process, inside a transaction', async () => {
    const authorize = createAuthorizer({ store, publicRead: true, now: () => clock });
    const { token, tokenId } = await createToken(store, 'ingest', 'k6', NOW);
    expect((await authorize('ingest', token, '127.0.0.1')).ok).toBe(true);
    await store.transaction((s) => s.tokens.revoke(tokenId));
    expect(await authorize('ingest', token, '127.0.0.1')).toMatchObject({ ok: false, errors: [{ code: 'auth.invalid-token' }] });
  });

  it('keeps a token revoked by another process for at most the cache lifetime', async () => {
    const authorize = createAuthorizer({ store, publicRead: true, now: () => clock, tokenCache: { ttlMs: 5_000, maxEntries: 10 } });
    const { token, tokenId } = await createToken(store, 'ingest', 'k6', NOW);
    expect((await authorize('ingest', token, '127.0.0.1')).ok).toBe(true);
    const otherProcess = await openSqliteStore(join(dir, 'store.db'));
    await otherProcess.tokens.revoke(tokenId);
    await otherProcess.close();
    clock = NOW + 4_999;
    expect((await authorize('ingest', token, '127.0.0.1')).ok).toBe(true);
    clock = NOW + 5_000;
    expect((await authorize('ingest', token, '127.0.0.1')).ok).toBe(false);
  });
});
