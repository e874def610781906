/**
 * How long what the server stores is kept. The audit log has a floor: the seed's
 * jurisdiction (the PRC Cybersecurity Law, article 21) requires network logs to be kept for
 * at least six months, so no setting prunes it earlier.
 */
export const AUDIT_MINIMUM_DAYS = 180;
export const AUDIT_MINIMUM_REASON = 'network logs are kept at least six months under the PRC Cybersecurity Law, art. 21';

export interface RetentionPolicy {
  /** days a finished drill's events and report are kept */
  drillDays: number;
  /** days audit rows are kept; raised to AUDIT_MINIMUM_DAYS if lower */
  auditDays: number;
}

const DAY_MS = 86_400_000;

export interface RetentionCutoffs {
  drills: string;
  audit: string;
}

export function retentionCutoffs(policy: RetentionPolicy, nowMs: number): RetentionCutoffs {
  const auditDays = Math.max(policy.auditDays, AUDIT_MINIMUM_DAYS);
  return {
    drills: new Date(nowMs - policy.drillDays * DAY_MS).toISOString(),
    audit: new Date(nowMs - auditDays * DAY_MS).toISOString(),
  };
}
