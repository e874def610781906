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
  createAuth,
  rateLimitKey,
  registerAuth,
  requestIdentity,
  type Auth,
  type AuditActor,
  type AuthOptions,
} from './require-role.js';
export { AUTH_LOG_REDACT, redactToken } from './redact.js';
