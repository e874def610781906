import type { RecoveryForecast } from '../engine/types.js';
import type { IncidentStage } from '../plan/types.js';

export type OpenStage = Exclude<IncidentStage, 'resolved'>;

export interface OpenIncident {
  /** `${service}-${seq}` */
  id: string;
  stage: OpenStage;
  /** the service level, never below the plan's openAtLevel while the incident is open */
  level: string;
  openedAt: number;
  /** when the incident entered its current stage, epoch ms */
  stageSince: number;
  /** notices published for this incident so far; the next notice id is `${id}-${noticesSent + 1}` */
  noticesSent: number;
  /** epoch ms at which the next periodic notice is due */
  nextUpdateAt: number;
  /** the recovery the latest notice promised, epoch ms; null: none or not known */
  expectedRecoveryAt: number | null;
  /** the latest notice was a precaution (users fine, forecast calm), not a "not known yet"; absent in state saved before it existed */
  precautionary?: boolean;
  /** a forecast that saw the service slip again is not re-run for a stage change before this, epoch ms */
  calmCheckAfter: number;
  /** while users are affected, when the forecast is next asked whether the latest notice still holds, epoch ms; null: not asked */
  askAgainAt: number | null;
}

/** Plain data: JSON.stringify round-trips it. */
export interface IncidentState {
  /** incidents opened so far for this service */
  seq: number;
  open: OpenIncident | null;
}

/** What the engine knows about the service at the end of a tick. */
export interface IncidentInput {
  /** epoch ms */
  t: number;
  level: string;
  /** levels in severity order, 'normal' first */
  levels: readonly string[];
  /** how many times normal the traffic is */
  baselineMultiple: number;
  /** the delay users see now (simulated latency above base) */
  expectedDelayMs: number;
  /** users are affected now: latency over the objective, or requests refused */
  usersAffected: boolean;
  /** the engine's forecast from now; called only when a notice or a stage change needs it */
  forecast: () => RecoveryForecast;
  /** some traffic is being refused (429/503) */
  throttling: boolean;
  /** servers are starting or provisioning */
  scalingOut: boolean;
  /** capacity >= demand and backlog drained */
  capacityCoversDemand: boolean;
}

export function initialIncidentState(): IncidentState {
  return { seq: 0, open: null };
}
