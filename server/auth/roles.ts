import type { TokenRole } from '../store/api-tokens.js';

export type { TokenRole };
export { TOKEN_ROLES } from '../store/api-tokens.js';

// admin may do everything; operator and ingest are separate duties (an ingest token
// handed to a load generator must not be able to start drills, and the reverse).
const GRANTS: Record<TokenRole, readonly TokenRole[]> = {
  ingest: ['ingest'],
  operator: ['operator'],
  admin: ['admin', 'operator', 'ingest'],
};

export function roleSatisfies(have: TokenRole, need: TokenRole): boolean {
  return GRANTS[have].includes(need);
}

/** the roles whose tokens pass a check for `need`, for error messages */
export function rolesAllowed(need: TokenRole): TokenRole[] {
  return (Object.keys(GRANTS) as TokenRole[]).filter((r) => roleSatisfies(r, need));
}
