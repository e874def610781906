/**
 * The one authorisation decision, shared by the HTTP guards and the socket.io handshake:
 * given what a route needs, the presented token (or none) and the client's address, either
 * an identity or a denial with its status, code and a sentence for a person.
 */
import type { Store } from '../store/store.js';
import { FailureThrottle, type FailureThrottleOptions } from './failure-throttle.js';
import { rolesAllowed, roleSatisfies, type TokenRole } from './roles.js';
import { verifyToken, type TokenIdentity } from './tokens.js';
import { DEFAULT_TOKEN_CACHE, VerifiedTokenCache, type VerifiedTokenCacheOptions } from './verified-token-cache.js';

/** a role, or 'reader' for reads (public unless publicRead is off) */
export type Need = TokenRole | 'reader';

export type DenialCode = 'auth.missing-token' | 'auth.invalid-token' | 'auth.forbidden' | 'auth.throttled';

export interface Denial {
  status: 401 | 403 | 429;
  code: DenialCode;
  message: string;
  /** RFC 6750 error for the WWW-Authenticate challenge */
  bearerError: 'invalid_token' | 'insufficient_scope' | null;
  retryAfterSeconds?: number;
}

export type AuthDecision = { ok: true; identity: TokenIdentity | null } | { ok: false; denial: Denial };

export interface AuthorizerOptions {
  store: Store;
  /** when false, reads (status API, feed, live feed, page data) need a valid token of any role */
  publicRead: boolean;
  now: () => number;
  failures?: FailureThrottleOptions;
  /** how long a verified token is trusted without a lookup; revocations through `store` end it at once */
  tokenCache?: VerifiedTokenCacheOptions;
  onDenied?: (code: DenialCode) => void;
}

export type Authorize = (need: Need, token: string | null, client: string) => Promise<AuthDecision>;

export const DEFAULT_FAILURE_LIMIT: FailureThrottleOptions = { maxFailures: 20, windowMs: 5 * 60_000 };

function describeNeed(need: Need): string {
  return need === 'reader' ? 'a valid token (any role)' : `a token of role ${rolesAllowed(need).join(' or ')}`;
}

export function createAuthorizer(options: AuthorizerOptions): Authorize {
  const now = options.now;
  const throttle = new FailureThrottle(options.failures ?? DEFAULT_FAILURE_LIMIT);
  const cache = new VerifiedTokenCache(options.tokenCache ?? DEFAULT_TOKEN_CACHE);
  options.store.tokens.onRevoke((tokenId) => cache.forget(tokenId));
  const deny = (denial: Denial): AuthDecision => {
    options.onDenied?.(denial.code);
    return { ok: false, denial };
  };

  return async function authorize(need, token, client) {
    if (need === 'reader' && options.publicRead) return { ok: true, identity: null };
    if (token === null) {
      const create = need === 'reader' ? '' : `; an admin can create one with "flashcrowd token create --role ${need}"`;
      return deny({ status: 401, code: 'auth.missing-token', bearerError: null, message: `This request needs ${describeNeed(need)}. Send the header "Authorization: Bearer <token>"${create}.` });
    }
    const wait = throttle.retryAfterMs(client, now());
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      return deny({ status: 429, code: 'auth.throttled', bearerError: null, retryAfterSeconds, message: `Too many unknown tokens from this client; try again in ${retryAfterSeconds} s.` });
    }
    const identity = await verifyToken(options.store, token, now(), cache);
    if (!identity) {
      throttle.recordFailure(client, now());
      return deny({ status: 401, code: 'auth.invalid-token', bearerError: 'invalid_token', message: 'The bearer token is not known here (mistyped, revoked or from another server). Check it, or ask an admin for a new one.' });
    }
    if (need !== 'reader' && !roleSatisfies(identity.role, need)) {
      return deny({ status: 403, code: 'auth.forbidden', bearerError: 'insufficient_scope', message: `This request needs ${describeNeed(need)}; your token "${identity.name}" has role ${identity.role}. Use a token with one of those roles.` });
    }
    return { ok: true, identity };
  };
}
