/**
 * Types shared by the server and the dashboard: the socket.io event maps and the DTOs of
 * the drill API. Type-only: the dashboard imports this file and must not pull in server code.
 */
import type { EngineEvent, Notice, ServersByState, Tick } from './core/engine/types.js';
import type { Language, PolicyName } from './core/plan/types.js';
import type { DomainError } from './errors/codes.js';
import type { Result } from './errors/result.js';
import type { ComponentStatus } from './status/levels.js';

export type { EngineEvent, Notice, ServersByState, Tick, Language, PolicyName };

export type DrillStatus = 'running' | 'stopped' | 'finished' | 'interrupted';

export interface DrillDto {
  id: string;
  status: DrillStatus;
  /** scenario name, e.g. 'feb3' */
  scenario: string;
  policy: PolicyName;
  /** time compression: 60 means one scenario minute per wall second */
  speed: number;
  /** 'generated': the server replays the scenario's demand itself; 'external': demand comes from traffic and metrics */
  source: 'generated' | 'external';
  startedAt: string;
  endedAt: string | null;
  /** scenario time of the first tick and of the latest tick (ISO) */
  scenarioStart: string;
  scenarioNow: string;
  /** null for an open-ended drill fed by live traffic */
  scenarioEnd: string | null;
  timezone: string;
  /** where another instance went on with the drill after its owner died or left, oldest first */
  takeovers: DrillTakeover[];
}

/** One instance going on with a drill another instance drove until then. */
export interface DrillTakeover {
  /** wall time the new owner resumed (ISO) */
  at: string;
  /** scenario time of the checkpoint it resumed from (ISO) */
  scenarioAt: string;
  /** the instance that drove it before; null when unknown (it never wrote a checkpoint) */
  from: string | null;
  to: string;
}

export interface ServiceInfo {
  name: string;
  displayName: string;
  /** the name in each language */
  displayNames: Record<Language, string>;
  sloLatencyMs: number;
  levels: string[];
  /** the lowest level that opens an incident; levels below it read as operational on the status page */
  openAtLevel: string;
  /** what each level reads as on the status page, by the server's one rule, so the live page and summary.json agree */
  statusByLevel: Record<string, ComponentStatus>;
  /** the fleet's bounds in the plan */
  minServers: number;
  maxServers: number;
}

export interface PlanSummary {
  name: string;
  timezone: string;
  tickSeconds: number;
  levels: string[];
  services: ServiceInfo[];
}

/** Sent once on subscribe (and on reconnect): enough to draw everything without waiting for a tick. */
export interface Snapshot {
  serverTime: string;
  drill: DrillDto | null;
  plan: PlanSummary;
  /** the latest ticks per service, oldest first, bounded (see LIVE_HISTORY_TICKS) */
  history: Record<string, Tick[]>;
  events: EngineEvent[];
  notices: Notice[];
}

export const LIVE_HISTORY_TICKS = 720;
/** the bound as a type, so the dashboard can restate it and the compiler keeps the two equal */
export type LiveHistoryTicks = typeof LIVE_HISTORY_TICKS;

export interface TickBatch {
  drillId: string;
  ticks: Tick[];
}

/** The acknowledgement: the server's one result shape, `{ ok: true, value }` or `{ ok: false, errors: [{ code, message }] }` */
export type Ack<T> = Result<T>;
export type { DomainError, Result };

export interface SubscribeRequest {
  /** service names, or '*' for all */
  services: string[] | '*';
  /** false: the snapshot's history holds only the latest tick per service (the status page needs no more); default true */
  history?: boolean;
}

export interface ServerToClientEvents {
  'drill:tick': (batch: TickBatch) => void;
  'drill:event': (event: EngineEvent & { drillId: string }) => void;
  'drill:status': (drill: DrillDto) => void;
  'notice:published': (notice: Notice & { drillId: string | null }) => void;
  /** an operator corrected a published notice: same id, new text; replace the one shown */
  'notice:updated': (notice: Notice & { drillId: string | null }) => void;
}

export interface ClientToServerEvents {
  subscribe: (req: SubscribeRequest, ack: (res: Ack<Snapshot>) => void) => void;
}
