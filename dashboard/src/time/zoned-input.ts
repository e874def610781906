/**
 * A wall time typed into a datetime-local field, read in the scenario's time zone rather
 * than the viewer's: "2020-02-03T09:00" in Asia/Shanghai is 01:00 UTC wherever the
 * operator sits. The server takes ISO 8601 instants.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let cached = wallClocks.get(timeZone);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(timeZone, cached);
  }
  return cached;
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
export function zoneOffsetMs(timeZone: string, at: number): number {
  const parts = Object.fromEntries(wallClock(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(at / 1000) * 1000;
}

const SPAN_MS = 14 * 3_600_000;

/**
 * The instant a wall time names in `timeZone`, as an ISO string; null for text that is not a
 * wall time. Resolved as browsers do (Temporal's 'compatible'): a time skipped by a
 * daylight-saving change moves forward, a time that occurs twice takes the earlier instant.
 */
export function zonedInputToIso(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local.trim());
  if (match === null) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (!Number.isFinite(wall)) return null;
  // No zone is more than 14 h from UTC, so the offsets 14 h either side bracket the answer.
  const before = zoneOffsetMs(timeZone, wall - SPAN_MS);
  const after = zoneOffsetMs(timeZone, wall + SPAN_MS);
  const readsBack = [wall - before, wall - after].filter((at) => at + zoneOffsetMs(timeZone, at) === wall);
  const instant = readsBack.length > 0 ? Math.min(...readsBack) : wall - before;
  return new Date(instant).toISOString();
}
