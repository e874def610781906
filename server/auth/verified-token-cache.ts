/**
 * Tokens verified in the last few seconds, by hash, so an ingest stream does not cost a
 * database lookup per request. Bounded in size and in age: an entry lives `ttlMs`
 * (default 5 s), and the oldest entry makes room for a new one.
 *
 * Revocation through this process's store drops the token at once (`forget`). A token
 * revoked by another process (the CLI, another server on the same database) keeps working
 * here for at most `ttlMs`. A lookup that began before a revocation cannot put the revoked
 * token back: `remember` ignores answers older than the last `forget`.
 */
import type { TokenIdentity } from './tokens.js';

export interface VerifiedTokenCacheOptions {
  ttlMs: number;
  maxEntries: number;
}

export const DEFAULT_TOKEN_CACHE: VerifiedTokenCacheOptions = { ttlMs: 5_000, maxEntries: 1_000 };

interface Entry {
  identity: TokenIdentity;
  expiresAt: number;
}

export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private revocations = 0;

  constructor(private readonly options: VerifiedTokenCacheOptions = DEFAULT_TOKEN_CACHE) {}

  /** The identity of a recently verified hash, or undefined when it must be looked up. */
  get(hash: string, now: number): TokenIdentity | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (now < entry.expiresAt) return entry.identity;
    this.entries.delete(hash);
    return undefined;
  }

  /** A stamp to take before a lookup and hand back to `remember`. */
  stamp(): number {
    return this.revocations;
  }

  remember(hash: string, identity: TokenIdentity, now: number, stamp: number): void {
    if (stamp !== this.revocations || this.options.ttlMs <= 0) return;
    this.entries.delete(hash);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(hash, { identity, expiresAt: now + this.options.ttlMs });
  }

  /** Drops the token with this id; called when it is revoked. */
  forget(tokenId: string): void {
    this.revocations++;
    for (const [hash, entry] of this.entries) {
      if (entry.identity.tokenId === tokenId) this.entries.delete(hash);
    }
  }
}
