/**
 * Data that crosses the engine boundary: what goes into step() and what comes out.
 * Everything here is plain, serialisable data; times inside the engine are epoch
 * milliseconds (numbers) and become ISO 8601 strings only in Tick, EngineEvent and Notice.
 */
import type { UpdateReason } from '../notices/incident.js';
import type { IncidentStage, Language, NoticeText, PolicyName } from '../plan/types.js';
import type { ServeResult } from '../fleet/types.js';
import type { ScaleReason } from '../scale/reasons.js';

/** Why a decision event happened: a closed set, from the scale policies and the incident lifecycle. */
export type EventReason = ScaleReason | UpdateReason;

/** What a module reports happened; the engine stamps time and service on it. */
export interface CoreEvent {
  type: EventType;
  message: string;
  /** where the event is a decision: why (see scale/reasons.ts and notices/incident.ts) */
  reason?: EventReason;
  data?: Record<string, number | string | boolean | null>;
}

export type EventType =
  | 'trigger:pending'
  | 'trigger:firing'
  | 'trigger:clearing'
  | 'trigger:resolved'
  | 'level:changed'
  | 'scale:decision'
  | 'servers:activated'
  | 'servers:provisioning'
  | 'servers:starting'
  | 'servers:ready'
  | 'servers:draining'
  | 'servers:stopped'
  | 'throttle:started'
  | 'throttle:stopped'
  | 'drop:started'
  | 'drop:stopped'
  | 'incident:opened'
  | 'incident:updated'
  | 'incident:resolved'
  | 'manual:scale';

export interface EngineEvent extends CoreEvent {
  t: string;
  service: string;
}

export interface ServersByState {
  standby: number;
  provisioning: number;
  starting: number;
  active: number;
  draining: number;
}

/** One service at one tick: the Replay JSON tick contract of DESIGN.md, and more. */
export interface Tick extends ServeResult {
  t: string;
  service: string;
  policy: PolicyName;
  demandRps: number;
  level: string;
  baselineRps: number;
  servers: ServersByState;
  expectedRecoveryAt: string | null;
}

export interface Notice {
  id: string;
  incidentId: string;
  t: string;
  service: string;
  level: string;
  stage: IncidentStage;
  cause: Record<Language, string>;
  /** how many times normal the traffic is */
  multiple: number;
  expectedDelayMs: number;
  expectedRecoveryAt: string | null;
  /** the range around expectedRecoveryAt; null when not known */
  recoveryEarliestAt?: string | null;
  recoveryLatestAt?: string | null;
  nextUpdateAt: string | null;
  /**
   * true on a notice published while users are fine and the forecast sees them stay fine (an
   * incident opened on demand alone): a precaution, with no delay or recovery to expect.
   * Absent otherwise.
   */
  precautionary?: true;
  text: Record<Language, NoticeText>;
}

/** Observed metrics for one service for the tick just ended. */
export interface ServiceSample {
  rps: number;
  /** observed latency, when the metrics carry one; otherwise the simulated latency is used */
  latencyMs?: number;
  /** observed error rate 0..1, when the metrics carry one */
  errorRate?: number;
}

export type Command =
  | { type: 'scale'; service: string; desired: number; by: string };

export interface StepInput {
  /** end of the tick, epoch milliseconds */
  t: number;
  samples: Record<string, ServiceSample>;
  commands?: Command[];
  /** past demand per service, for the daily shape of the demand forecast (see demand-forecast.ts) */
  history?: Record<string, DemandHistory>;
}

/**
 * A service's demand at a fixed step (rps at startMs + i * stepMs). The engine reads it
 * only a day back from now, never at or after now, so a replay may pass the whole scenario.
 */
export interface DemandHistory {
  startMs: number;
  stepMs: number;
  rps: readonly number[];
}

/** What the engine foresees when it runs itself forward from now (see forecast-recovery.ts). */
export interface RecoveryForecast {
  /** from when users stay unaffected, epoch ms; null: not foreseen within the horizon */
  at: number | null;
  /** the range: the first calm moment, and the recovery if demand runs 15% above the forecast */
  earliest: number | null;
  latest: number | null;
  /** users are unaffected now and stay so through the look-ahead */
  calmAhead: boolean;
  /** the time is not known only while a steep rise goes on: asking again soon may give one */
  askAgain?: boolean;
  /** demand climbs very steeply now (steep-rise.ts risingVerySteeply), whatever the forecast explains of it */
  steepRise?: true;
}

/** The fleet as the scale policies see it: counts only. */
export interface FleetView {
  /** serving now */
  active: number;
  /** booting or warming; serve once ready */
  starting: number;
  /** cold servers being provisioned; start afterwards */
  provisioning: number;
  /** stopped standby servers still in the pool, ready to start */
  standbyAvailable: number;
  draining: number;
  /** cold servers the quota still lets begin provisioning in the current minute */
  coldQuotaLeft: number;
}

/** What a scale policy asks the fleet for: a total of committed servers (active + starting + provisioning). */
export interface ScaleDecision {
  desired: number;
  current: number;
  /** closed set of reason codes, see scale/reasons.ts */
  reason: ScaleReason;
  /** one sentence for a person: what was decided and why, with the numbers */
  message: string;
}
