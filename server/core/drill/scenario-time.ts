/** Instants and local clocks for scenarios and traces: ISO 8601 text in, epoch ms out. */

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch ms of an ISO 8601 date-time that names its offset ("2020-02-03T09:00:00+08:00",
 * "...Z"), or null. A time without an offset is refused: it would mean a different instant
 * on every machine.
 */
export function parseIsoInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text);
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // Date.parse rolls 31 February over into March; refuse it instead
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  if (hour > 24 || minute > 59 || second > 59) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** The offset ("+08:00", "Z") an ISO 8601 instant was written with, or null. */
export function isoOffset(text: string): string | null {
  return ISO_INSTANT.exec(text)?.[7] ?? null;
}

/** ISO 8601 text of `ms` written with `offset` ("+08:00" or "Z"), to the second. */
export function formatIsoWithOffset(ms: number, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMinutes = offset === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${shifted}${offset}`;
}

export interface LocalClock {
  /** YYYY-MM-DD */
  date: string;
  /** minutes since local midnight, with seconds as a fraction */
  minute: number;
}

/** Reads local dates and times in one time zone; build once, call per sample. */
export function localClockReader(timezone: string): (ms: number) => LocalClock {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  return (ms) => {
    const part: Record<string, string> = {};
    for (const p of format.formatToParts(ms)) part[p.type] = p.value;
    return {
      date: `${part.year}-${part.month}-${part.day}`,
      minute: Number(part.hour) * 60 + Number(part.minute) + Number(part.second) / 60,
    };
  };
}

/** Whether Intl knows the IANA time zone. */
export function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
