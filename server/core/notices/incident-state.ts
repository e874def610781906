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
  expectedRecoveryAt: number | null;
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
