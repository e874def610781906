/**
 * Times and durations for people, in an explicit IANA time zone (the scenario's, not the
 * viewer's machine), so a Feb-3 drill in Asia/Shanghai reads 09:00 wherever it is watched.
 */
import type { Language } from '../../../server/contracts.js';

export type TimeStyle = 'time' | 'timeSeconds' | 'dateTime' | 'date';

const STYLES: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  time: { hour: '2-digit', minute: '2-digit' },
  timeSeconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  date: { year: 'numeric', month: 'long', day: 'numeric' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An unknown zone would make Intl throw on every render; fall back to UTC once here. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function formatter(language: Language, timeZone: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const cacheKey = `${language}|${timeZone}|${key}`;
  let cached = formatters.get(cacheKey);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat(language, { ...options, timeZone: safeTimeZone(timeZone), hourCycle: 'h23' });
    formatters.set(cacheKey, cached);
  }
  return cached;
}

function toMs(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** Formats an ISO string or epoch ms; an unparseable value gives '' rather than "Invalid Date". */
export function formatTime(value: string | number, timeZone: string, language: Language, style: TimeStyle = 'time'): string {
  const ms = toMs(value);
  if (!Number.isFinite(ms)) return '';
  return formatter(language, timeZone, STYLES[style], style).format(ms);
}

/** The zone's offset as people read it, e.g. "GMT+8", at a given instant (offsets change with DST). */
export function zoneOffsetLabel(timeZone: string, at: string | number, language: Language): string {
  const ms = toMs(at);
  const parts = formatter(language, timeZone, { timeZoneName: 'shortOffset' }, 'offset').formatToParts(Number.isFinite(ms) ? ms : 0);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

const DAY_MS = 86_400_000;

/** Axis labels: hours and minutes, with the date when ticks are a day or more apart. */
export function formatAxisTime(ms: number, stepMs: number, timeZone: string, language: Language): string {
  return formatTime(ms, timeZone, language, stepMs >= DAY_MS ? 'dateTime' : stepMs < 60_000 ? 'timeSeconds' : 'time');
}

function unitFormat(language: Language, unit: 'millisecond' | 'second' | 'minute' | 'hour', value: number): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'second' ? 1 : 0 }).format(value);
}

/** A delay for people: "850 ms", "4.2 sec", "12 min", "1 hr 30 min" (localised). */
export function formatDuration(ms: number, language: Language): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return unitFormat(language, 'millisecond', Math.round(ms));
  if (ms < 60_000) return unitFormat(language, 'second', ms / 1000);
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return unitFormat(language, 'minute', minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = unitFormat(language, 'hour', hours);
  return rest === 0 ? hourText : `${hourText} ${unitFormat(language, 'minute', rest)}`;
}
