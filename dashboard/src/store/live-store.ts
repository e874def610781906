/**
 * The dashboard's live state as pure transitions: a snapshot replaces everything, socket
 * pushes append. Every function returns the next state and what changed for the charts,
 * which update in place from `ticks` instead of redrawing from scratch.
 */
import type { DrillDto, EngineEvent, LiveHistoryTicks, Notice, PlanSummary, Snapshot, Tick, TickBatch } from '../../../server/contracts.js';
import { appendAll, emptyBuffer, replaceAll, type BoundedBuffer } from './bounded-buffer.js';

/** Twice the server's snapshot history, so a session keeps what it watched after reconnecting. */
const LIVE_HISTORY_TICKS: LiveHistoryTicks = 720;
export const TICK_CAPACITY = LIVE_HISTORY_TICKS * 2;
export const EVENT_CAPACITY = 500;
export const NOTICE_CAPACITY = 200;

export interface LiveState {
  drill: DrillDto | null;
  /** the drill the buffered ticks and events belong to */
  drillId: string | null;
  plan: PlanSummary | null;
  ticks: Record<string, BoundedBuffer<Tick>>;
  events: BoundedBuffer<EngineEvent>;
  notices: BoundedBuffer<Notice>;
  /** wall-clock epoch ms of the last data received, for the connection indicator */
  lastDataAt: number | null;
}

export type TickChange =
  | { kind: 'none' }
  /** every series must be rebuilt from state.ticks */
  | { kind: 'reset' }
  | { kind: 'append'; services: Record<string, { added: Tick[]; dropped: number }> };

export interface LiveUpdate {
  state: LiveState;
  ticks: TickChange;
}

export function emptyLiveState(): LiveState {
  return {
    drill: null,
    drillId: null,
    plan: null,
    ticks: {},
    events: emptyBuffer(EVENT_CAPACITY),
    notices: emptyBuffer(NOTICE_CAPACITY),
    lastDataAt: null,
  };
}

const timeOf = (item: { t: string }): number => Date.parse(item.t);

/** Ticks of `incoming` strictly newer than `afterMs`, in time order, one per instant. */
function newerThan(incoming: readonly Tick[], afterMs: number): Tick[] {
  const sorted = [...incoming].sort((a, b) => timeOf(a) - timeOf(b));
  const fresh: Tick[] = [];
  let last = afterMs;
  for (const tick of sorted) {
    const t = timeOf(tick);
    if (t > last) {
      fresh.push(tick);
      last = t;
    }
  }
  return fresh;
}

const NONE = Number.NEGATIVE_INFINITY;
const lastTime = (ticks: readonly Tick[]): number => {
  const last = ticks[ticks.length - 1];
  return last === undefined ? NONE : timeOf(last);
};

/**
 * Replaces the buffers with the snapshot's history: after a reconnect the server's history
 * is the truth, whatever was buffered before. Pushes held during the subscription are
 * applied afterwards (live/push-gate.ts) and append only what is newer.
 */
export function applySnapshot(_state: LiveState, snapshot: Snapshot, receivedAt: number): LiveUpdate {
  const ticks: Record<string, BoundedBuffer<Tick>> = {};
  for (const [service, history] of Object.entries(snapshot.history)) {
    ticks[service] = replaceAll(emptyBuffer<Tick>(TICK_CAPACITY), newerThan(history, NONE));
  }
  return {
    state: {
      drill: snapshot.drill,
      drillId: snapshot.drill?.id ?? null,
      plan: snapshot.plan,
      ticks,
      events: replaceAll(emptyBuffer<EngineEvent>(EVENT_CAPACITY), snapshot.events),
      notices: replaceAll(emptyBuffer<Notice>(NOTICE_CAPACITY), dedupeNotices(snapshot.notices)),
      lastDataAt: receivedAt,
    },
    ticks: { kind: 'reset' },
  };
}

/** A new drill starts from empty buffers: its scenario clock may begin before the last one ended. */
function switchDrill(state: LiveState, drillId: string): LiveState {
  return { ...state, drillId, ticks: {}, events: emptyBuffer(EVENT_CAPACITY), notices: emptyBuffer(NOTICE_CAPACITY) };
}

export function applyTickBatch(state: LiveState, batch: TickBatch, receivedAt: number): LiveUpdate {
  const switching = batch.drillId !== state.drillId;
  const base = switching ? switchDrill(state, batch.drillId) : state;
  const byService = new Map<string, Tick[]>();
  for (const tick of batch.ticks) {
    const list = byService.get(tick.service) ?? [];
    list.push(tick);
    byService.set(tick.service, list);
  }
  const ticks = { ...base.ticks };
  const services: Record<string, { added: Tick[]; dropped: number }> = {};
  for (const [service, incoming] of byService) {
    const current = ticks[service] ?? emptyBuffer<Tick>(TICK_CAPACITY);
    const added = newerThan(incoming, lastTime(current.items));
    if (added.length === 0) continue;
    const { buffer, dropped } = appendAll(current, added);
    ticks[service] = buffer;
    services[service] = { added, dropped };
  }
  const change: TickChange = switching ? { kind: 'reset' } : Object.keys(services).length > 0 ? { kind: 'append', services } : { kind: 'none' };
  return { state: { ...base, ticks, lastDataAt: receivedAt }, ticks: change };
}

const eventKey = (e: EngineEvent): string => `${e.t}|${e.service}|${e.type}|${e.message}`;

/** Events arrive in time order, so a duplicate can only sit among the newest items. */
function hasEvent(buffer: BoundedBuffer<EngineEvent>, event: EngineEvent): boolean {
  const key = eventKey(event);
  const t = timeOf(event);
  for (let i = buffer.items.length - 1; i >= 0; i--) {
    const item = buffer.items[i];
    if (item === undefined || timeOf(item) < t) return false;
    if (eventKey(item) === key) return true;
  }
  return false;
}

export function applyEvent(state: LiveState, event: EngineEvent & { drillId: string }, receivedAt: number): LiveUpdate {
  const switching = event.drillId !== state.drillId;
  const base = switching ? switchDrill(state, event.drillId) : state;
  const { drillId: _drillId, ...engineEvent } = event;
  const events = hasEvent(base.events, engineEvent) ? base.events : appendAll(base.events, [engineEvent]).buffer;
  return { state: { ...base, events, lastDataAt: receivedAt }, ticks: switching ? { kind: 'reset' } : { kind: 'none' } };
}

/** Keeps the last version of each notice id (an edited notice keeps its id), in first-seen order. */
function dedupeNotices(notices: readonly Notice[]): Notice[] {
  const byId = new Map<string, Notice>();
  for (const notice of notices) byId.set(notice.id, notice);
  return [...byId.values()];
}

export function applyNotice(state: LiveState, notice: Notice & { drillId: string | null }, receivedAt: number): LiveUpdate {
  const { drillId: _drillId, ...plain } = notice;
  const index = state.notices.items.findIndex((n) => n.id === plain.id);
  const notices =
    index >= 0
      ? { ...state.notices, items: state.notices.items.map((n, i) => (i === index ? plain : n)) }
      : appendAll(state.notices, [plain]).buffer;
  return { state: { ...state, notices, lastDataAt: receivedAt }, ticks: { kind: 'none' } };
}

export function applyDrillStatus(state: LiveState, drill: DrillDto, receivedAt: number): LiveUpdate {
  const switching = drill.id !== state.drillId;
  const base = switching ? switchDrill(state, drill.id) : state;
  return { state: { ...base, drill, lastDataAt: receivedAt }, ticks: switching ? { kind: 'reset' } : { kind: 'none' } };
}
