/**
 * Plan levels to Statuspage component statuses and impacts.
 *
 * Levels below the service's openAtLevel (normal and any watch-only levels) are
 * `operational`: they open no incident, so users are told nothing is wrong. The levels
 * that open incidents map, lowest first, to degraded_performance, partial_outage and
 * major_outage; any level past the third stays major_outage. The impact follows the
 * component: minor, major, critical. An unknown level reads as operational.
 *
 * A component's status is what its users get: while the latest notice of its open incident
 * says users are fine ("monitoring", or a precaution opened on demand alone), it is
 * operational whatever the level, as the notice under it says.
 */
import type { Notice } from '../core/engine/types.js';
import type { StatusService } from './status-input.js';

export const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];

const BY_SEVERITY: readonly ComponentStatus[] = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'];
const IMPACT: Record<ComponentStatus, Impact> = {
  operational: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
  under_maintenance: 'none',
};

/** 0 for operational, 1..3 for the incident-opening levels, capped at 3. */
function severity(level: string, service: Pick<StatusService, 'levels' | 'openAtLevel'>): number {
  const at = service.levels.indexOf(level);
  const open = Math.max(1, service.levels.indexOf(service.openAtLevel));
  if (at < open) return 0;
  return Math.min(at - open + 1, BY_SEVERITY.length - 1);
}

export function componentStatus(level: string, service: Pick<StatusService, 'levels' | 'openAtLevel'>): ComponentStatus {
  return BY_SEVERITY[severity(level, service)] ?? 'operational';
}

/** The notice says users are fine: "monitoring" (back to normal speed, watching) or a precaution. */
export const usersFineAfter = (n: { stage: Notice['stage']; precautionary?: boolean | undefined }): boolean => n.stage === 'monitoring' || n.precautionary === true;

/** The component's status: by its level, operational while its open incident's latest notice says users are fine. */
export function serviceStatus(service: Pick<StatusService, 'level' | 'levels' | 'openAtLevel' | 'usersFine'>): ComponentStatus {
  return service.usersFine ? 'operational' : componentStatus(service.level, service);
}

export function impactOf(status: ComponentStatus): Impact {
  return IMPACT[status];
}

/** The worse of two impacts. */
export function worstImpact(a: Impact, b: Impact): Impact {
  return IMPACTS.indexOf(a) >= IMPACTS.indexOf(b) ? a : b;
}
