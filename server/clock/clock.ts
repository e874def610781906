/**
 * The one clock of the shell. Everything outside the pure core that needs the time or a
 * timer takes a Clock, made once where the process starts (or by a test), so a test moves
 * time itself and nothing reads the wall clock behind its back.
 */
export interface Clock {
  /** epoch milliseconds */
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** The wall clock and the process's own timers: only the process edge should need this. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/** The clock's present as an ISO 8601 string, the form stored rows and documents carry. */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
