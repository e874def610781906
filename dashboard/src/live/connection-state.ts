/**
 * The connection indicator as a small state machine, driven by socket signals and the
 * wall clock passed in.
 *
 *   phase         signal           next
 *   connecting    subscribed       live
 *   connecting    connect-failed   reconnecting, or offline after OFFLINE_AFTER_FAILURES
 *   live          disconnected     reconnecting
 *   reconnecting  subscribed       live (the snapshot has caught the buffers up)
 *   reconnecting  connect-failed   reconnecting, or offline after OFFLINE_AFTER_FAILURES
 *   offline       subscribed       live (socket.io keeps retrying in the background)
 *   any           data             same phase, lastDataAt = now
 */
export type ConnectionPhase = 'connecting' | 'live' | 'reconnecting' | 'offline';
export type ConnectionSignal = 'subscribed' | 'disconnected' | 'connect-failed' | 'data';

export const OFFLINE_AFTER_FAILURES = 3;
/** While a drill runs, ticks come every second or faster; this long without one is worth showing. */
export const STALE_AFTER_MS = 15_000;

export interface ConnectionState {
  phase: ConnectionPhase;
  failures: number;
  lastDataAt: number | null;
}

export const initialConnection: ConnectionState = { phase: 'connecting', failures: 0, lastDataAt: null };

export function nextConnection(state: ConnectionState, signal: ConnectionSignal, now: number): ConnectionState {
  switch (signal) {
    case 'subscribed':
      return { phase: 'live', failures: 0, lastDataAt: now };
    case 'data':
      return { ...state, lastDataAt: now };
    case 'disconnected':
      return state.phase === 'live' ? { ...state, phase: 'reconnecting' } : state;
    case 'connect-failed': {
      if (state.phase === 'live') return state;
      const failures = state.failures + 1;
      return { ...state, failures, phase: failures >= OFFLINE_AFTER_FAILURES ? 'offline' : 'reconnecting' };
    }
  }
}

/** Seconds since the last data when a running drill has gone quiet on a live socket, else null. */
export function staleSeconds(state: ConnectionState, now: number, drillRunning: boolean): number | null {
  if (state.phase !== 'live' || !drillRunning || state.lastDataAt === null) return null;
  const quiet = now - state.lastDataAt;
  return quiet >= STALE_AFTER_MS ? Math.floor(quiet / 1000) : null;
}
