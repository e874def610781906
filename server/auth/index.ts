export { TOKEN_ROLES, roleSatisfies, rolesAllowed, type TokenRole } from './roles.js';
export {
  createToken,
  ensureAdminToken,
  generateToken,
  hashToken,
  verifyToken,
  type CreatedToken,
  type EnsureAdminResult,
  type TokenIdentity,
} from './tokens.js';
export {
  auditActor,
  bearerToken,
  createAuth,
  rateLimitKey,
  registerAuth,
  requestIdentity,
  type Auth,
  type AuditActor,
  type AuthOptions,
} from './require-role.js';
export { createAuthorizer, DEFAULT_FAILURE_LIMIT, type AuthDecision, type Authorize, type DenialCode, type Need } from './authorize.js';
export { tokenWeakness, type TokenWeakness } from './token-strength.js';
export { AUTH_LOG_REDACT, redactToken, redactUrl, withLogRedaction } from './redact.js';
