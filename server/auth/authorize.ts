/**
 * The one authorisation decision, shared by the HTTP guards and the socket.io handshake:
 * given what a route needs, the presented token (or none) and the client's address, either
 * an identity or a domain error (`auth.*`) with a sentence for a person. The HTTP status and
 * challenge follow from the code, where the answer is written.
 */
import { domainError, type DomainError, type ErrorCode } from '../errors/codes.js';
import { fail, ok, type Result } from '../errors/result.js';
import type { Store } from '../store/store.js';
import { FailureThrottle, type FailureThrottleOptions } from './failure-throttle.js';
import { rolesAllowed, roleSatisfies, type TokenRole } from './roles.js';
import { verifyToken, type TokenIdentity } from './tokens.js';
import { DEFAULT_TOKEN_CACHE, VerifiedTokenCache, type VerifiedTokenCacheOptions } from './verified-token-cache.js';

/** a role, or 'reader' for reads (public unless publicRead is off) */
export type Need = TokenRole | 'reader';

export type DenialCode = Extract<ErrorCode, `auth.${string}`>;

/** the identity of the token, or null where none was needed (a public read) */
export type AuthDecision = Result<TokenIdentity | null>;

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

export function describeNeed(need: Need): string {
  return need === 'reader' ? 'a valid token (any role)' : `a token of role ${rolesAllowed(need).join(' or ')}`;
}

export function createAuthorizer(options: AuthorizerOptions): Authorize {
  const now = options.now;
  const throttle = new FailureThrottle(options.failures ?? DEFAULT_FAILURE_LIMIT);
  const cache = new VerifiedTokenCache(options.tokenCache ?? DEFAULT_TOKEN_CACHE);
  options.store.tokens.onRevoke((tokenId) => cache.forget(tokenId));
  const deny = (error: DomainError & { code: DenialCode }): AuthDecision => {
    options.onDenied?.(error.code);
    return fail(error);
  };

  return async function authorize(need, token, client) {
    if (need === 'reader' && options.publicRead) return ok(null);
    if (token === null) {
      return deny(domainError('auth.missing-token', { need: describeNeed(need), via: 'http', createRole: need === 'reader' ? null : need }));
    }
    const wait = throttle.retryAfterMs(client, now());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return deny({ ...domainError('auth.throttled', { seconds }), retryAfterSeconds: seconds });
    }
    const identity = await verifyToken(options.store, token, now(), cache);
    if (!identity) {
      throttle.recordFailure(client, now());
      return deny(domainError('auth.invalid-token', undefined));
    }
    if (need !== 'reader' && !roleSatisfies(identity.role, need)) {
      return deny(domainError('auth.forbidden', { need: describeNeed(need), name: identity.name, role: identity.role }));
    }
    return ok(identity);
  };
}
