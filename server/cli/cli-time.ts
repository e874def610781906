/**
 * Times given on the command line. One with an offset ("...+08:00", "...Z") is that instant;
 * one without ("2020-02-03T06:00") is a wall-clock time in the scenario's time zone, as the
 * dashboard and the k6 scripts read it, so the three agree on what "06:00" means.
 */
import { parseIsoInstant } from '../core/drill/scenario-time.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

export type CliTime = { kind: 'instant'; ms: number } | { kind: 'local'; fields: number[] };

/** The time as written, or null when it is neither form. */
export function readCliTime(text: string): CliTime | null {
  const instant = parseIsoInstant(text);
  if (instant !== null) return { kind: 'instant', ms: instant };
  const m = LOCAL.exec(text);
  if (!m) return null;
  const fields = m.slice(1, 7).map((part) => Number(part ?? 0));
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return { kind: 'local', fields };
}

/**
 * Epoch ms of a CLI time; a local one is read in `timezone`. Around a daylight-saving change
 * it is read as Temporal's "compatible" does: a time that comes twice is the earlier one, a
 * time skipped over is read with the offset before the change (02:30 becomes 03:30).
 */
export function cliTimeToMs(time: CliTime, timezone: string): number {
  if (time.kind === 'instant') return time.ms;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = time.fields;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = offsetMs(asUtc - HALF_DAY_MS, timezone);
  const after = offsetMs(asUtc + HALF_DAY_MS, timezone);
  const candidates = [asUtc - before, asUtc - after].filter((ms, i) => offsetMs(ms, timezone) === (i === 0 ? before : after));
  return candidates.length > 0 ? Math.min(...candidates) : asUtc - before;
}

const HALF_DAY_MS = 12 * 3600 * 1000;

/** How far `timezone`'s clock is ahead of UTC at instant `ms`. */
function offsetMs(ms: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone, hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(ms);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}
