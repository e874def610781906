/**
 * When the status page polls summary.json: only while the socket is not delivering, every
 * 15 s, backing off on errors, with If-None-Match so an unchanged page costs a 304.
 * Pure decisions; status/main.ts runs the timer and the fetch.
 */
export const POLL_INTERVAL_MS = 15_000;
export const MAX_POLL_INTERVAL_MS = 120_000;

export interface PollState {
  socketLive: boolean;
  lastPollAt: number | null;
  /** consecutive failed polls */
  failures: number;
  etag: string | null;
}

export type PollOutcome =
  | { kind: 'changed'; etag: string | null }
  | { kind: 'unchanged' }
  | { kind: 'failed'; retryAfterMs: number | null };

export const initialPollState: PollState = { socketLive: false, lastPollAt: null, failures: 0, etag: null };

export function pollInterval(state: PollState, retryAfterMs: number | null = null): number {
  const backoff = Math.min(MAX_POLL_INTERVAL_MS, POLL_INTERVAL_MS * 2 ** state.failures);
  return Math.max(backoff, retryAfterMs ?? 0);
}

/** The first load always polls (fast first paint from a cacheable answer); then only while the socket is down. */
export function shouldPoll(state: PollState, now: number): boolean {
  if (state.lastPollAt === null) return true;
  if (state.socketLive) return false;
  return now - state.lastPollAt >= pollInterval(state);
}

/** Milliseconds until the next poll is due, or null while the socket is live. */
export function nextPollIn(state: PollState, now: number): number | null {
  if (state.lastPollAt === null) return 0;
  if (state.socketLive) return null;
  return Math.max(0, state.lastPollAt + pollInterval(state) - now);
}

export function conditionalHeaders(state: PollState): Record<string, string> {
  return state.etag === null ? {} : { 'If-None-Match': state.etag };
}

export function afterPoll(state: PollState, outcome: PollOutcome, now: number): PollState {
  switch (outcome.kind) {
    case 'changed':
      return { ...state, lastPollAt: now, failures: 0, etag: outcome.etag };
    case 'unchanged':
      return { ...state, lastPollAt: now, failures: 0 };
    case 'failed': {
      const failures = state.failures + 1;
      // A Retry-After longer than the backoff moves the poll time forward so shouldPoll honours it.
      const extra = Math.max(0, (outcome.retryAfterMs ?? 0) - pollInterval({ ...state, failures }));
      return { ...state, lastPollAt: now + extra, failures };
    }
  }
}

export function withSocket(state: PollState, socketLive: boolean): PollState {
  return state.socketLive === socketLive ? state : { ...state, socketLive };
}

/** Retry-After in seconds or as an HTTP date, relative to `now`. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}
