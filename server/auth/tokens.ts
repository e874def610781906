/**
 * Bearer tokens: `fc_<role>_<43 base64url chars>` (32 random bytes). Only the SHA-256 hash
 * is stored; a presented token is found by its hash and then compared in constant time.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { TokenRole } from './roles.js';
import { tokenWeakness } from './token-strength.js';
import type { VerifiedTokenCache } from './verified-token-cache.js';

export interface TokenIdentity {
  tokenId: string;
  role: TokenRole;
  name: string;
}

export interface CreatedToken extends TokenIdentity {
  /** shown once to the person who asked for it; not recoverable afterwards */
  token: string;
}

export type EnsureAdminResult =
  | { kind: 'given'; tokenId: string }
  | { kind: 'existing' }
  | { kind: 'created'; created: CreatedToken };

// writing last_used on every request would cost an fsync per ingest batch
const TOUCH_INTERVAL_MS = 60_000;

export function generateToken(role: TokenRole): string {
  return `fc_${role}_${randomBytes(32).toString('base64url')}`;
}

/** lowercase hex SHA-256 of the token's UTF-8 bytes */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newTokenId(): string {
  return `tok_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export async function createToken(store: Store, role: TokenRole, name: string, now: number): Promise<CreatedToken> {
  const token = generateToken(role);
  const tokenId = newTokenId();
  await store.tokens.insert({ id: tokenId, role, hash: hashToken(token), name, createdAt: new Date(now).toISOString(), lastUsedAt: null });
  return { tokenId, role, name, token };
}

/**
 * At start-up: a given admin token (FLASHCROWD_ADMIN_TOKEN) is stored by hash, once; without
 * one, and with no admin token stored yet, a new one is created and returned so the caller
 * can print it once.
 */
export async function ensureAdminToken(
  store: Store,
  givenToken: string | null | undefined,
  now: number,
): Promise<Result<EnsureAdminResult>> {
  if (givenToken !== undefined && givenToken !== null) {
    const weakness = tokenWeakness(givenToken);
    if (weakness) {
      return fail({
        code: 'auth.admin-token',
        field: 'adminToken',
        message: `the admin token is refused because ${weakness.message}; generate one with: node -e "console.log('fc_admin_'+require('crypto').randomBytes(32).toString('base64url'))"`,
      });
    }
    const hash = hashToken(givenToken);
    const existing = await store.tokens.findByHash(hash);
    if (existing) {
      if (existing.role !== 'admin') {
        return fail({ code: 'auth.admin-token', field: 'adminToken', message: `the given admin token is already stored with role ${existing.role}; choose another token` });
      }
      return ok({ kind: 'given', tokenId: existing.id });
    }
    const tokenId = newTokenId();
    try {
      await store.tokens.insert({ id: tokenId, role: 'admin', hash, name: 'admin (from configuration)', createdAt: new Date(now).toISOString(), lastUsedAt: null });
    } catch (e) {
      // instances started together on one database: another stored the same token since the look-up
      const stored = await store.tokens.findByHash(hash);
      if (stored?.role === 'admin') return ok({ kind: 'given', tokenId: stored.id });
      throw e;
    }
    return ok({ kind: 'given', tokenId });
  }
  if ((await store.tokens.countByRole('admin')) > 0) return ok({ kind: 'existing' });
  return ok({ kind: 'created', created: await createToken(store, 'admin', 'first admin', now) });
}

/**
 * The identity behind a presented token, or null when it is unknown. Records its use at most
 * once a minute. With a cache, a token verified in the last few seconds is not looked up again
 * (see verified-token-cache.ts for how revocation reaches it).
 */
export async function verifyToken(store: Store, token: string, now: number, cache?: VerifiedTokenCache): Promise<TokenIdentity | null> {
  const hash = hashToken(token);
  const cached = cache?.get(hash, now);
  if (cached) return cached;
  const stamp = cache?.stamp() ?? 0;
  const record = await store.tokens.findByHash(hash);
  if (!record) return null;
  const presented = Buffer.from(hash, 'hex');
  const stored = Buffer.from(record.hash, 'hex');
  if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) return null;
  const lastUsed = record.lastUsedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(record.lastUsedAt);
  if (now - lastUsed >= TOUCH_INTERVAL_MS) await store.tokens.touch(record.id, new Date(now).toISOString());
  const identity: TokenIdentity = { tokenId: record.id, role: record.role, name: record.name };
  cache?.remember(hash, identity, now, stamp);
  return identity;
}
