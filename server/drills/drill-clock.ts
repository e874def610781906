/**
 * Maps wall time to scenario time for a drill. The engine runs in scenario time with the plan
 * as written; a drill at speed k advances scenario time k times faster than the wall clock,
 * which compresses every plan duration by k. Rates are not compressed: a request per wall
 * second counts as a request per scenario second.
 */
export interface DrillClock {
  /** wall milliseconds between ticks */
  wallTickMs: number;
  /** scenario milliseconds a tick advances */
  scenarioTickMs: number;
  speed: number;
}

export function drillClock(tickSeconds: number, speed: number): DrillClock {
  return { wallTickMs: (tickSeconds * 1000) / speed, scenarioTickMs: tickSeconds * 1000, speed };
}

/** A scenario duration in wall seconds (Retry-After, for example), at least one second. */
export function toWallSeconds(scenarioSeconds: number, speed: number): number {
  return Math.max(1, Math.ceil(scenarioSeconds / speed));
}
