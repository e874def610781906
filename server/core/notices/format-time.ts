import type { Language } from '../plan/types.js';

/**
 * ICU prints "GMT+8" for China; notices for people in China say "CST" / "北京时间", so the
 * zones of mainland China get those labels. Other zones use ICU's own names.
 */
const ZONE_LABELS: Record<string, Record<Language, string>> = {
  'Asia/Shanghai': { en: 'CST', 'zh-CN': '北京时间' },
  'Asia/Chongqing': { en: 'CST', 'zh-CN': '北京时间' },
  'Asia/Harbin': { en: 'CST', 'zh-CN': '北京时间' },
  PRC: { en: 'CST', 'zh-CN': '北京时间' },
};

type FormatKind = 'clock' | 'day' | 'date-en' | 'date-zh' | 'zone-en' | 'zone-zh';

const FORMATS: Record<FormatKind, { locale: string; options: Intl.DateTimeFormatOptions }> = {
  clock: { locale: 'en-GB', options: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } },
  day: { locale: 'en-CA', options: { year: 'numeric', month: '2-digit', day: '2-digit' } },
  'date-en': { locale: 'en-US', options: { month: 'short', day: 'numeric' } },
  'date-zh': { locale: 'zh-CN', options: { month: 'long', day: 'numeric' } },
  'zone-en': { locale: 'en', options: { timeZoneName: 'short' } },
  'zone-zh': { locale: 'zh-CN', options: { timeZoneName: 'long' } },
};

/*
 * Building an Intl.DateTimeFormat costs far more than formatting with one, and a replay
 * renders many notices, so formatters are made once per (kind, timezone). The cache holds
 * no engine state: a formatter's output depends only on its arguments.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: FormatKind, timezone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timezone}`;
  let f = formatters.get(key);
  if (f === undefined) {
    const { locale, options } = FORMATS[kind];
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: timezone });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A moment as local wall-clock time in `timezone`: "09:42 CST" / "09:42（北京时间）", with
 * the date ("Feb 4, 09:42 CST" / "2月4日 09:42（北京时间）") when it is not on the same
 * local day as `referenceMs` (the time the notice is published).
 */
export function formatLocalTime(ms: number, referenceMs: number, lang: Language, timezone: string): string {
  const clock = formatter('clock', timezone).format(ms);
  const sameDay = localDate(ms, timezone) === localDate(referenceMs, timezone);
  const zone = zoneLabel(ms, lang, timezone);
  if (lang === 'zh-CN') {
    const date = sameDay ? '' : `${formatter('date-zh', timezone).format(ms)} `;
    return `${date}${clock}（${zone}）`;
  }
  const date = sameDay ? '' : `${formatter('date-en', timezone).format(ms)}, `;
  return `${date}${clock} ${zone}`;
}

/** YYYY-MM-DD of the local day in `timezone`. */
export function localDate(ms: number, timezone: string): string {
  return formatter('day', timezone).format(ms);
}

function zoneLabel(ms: number, lang: Language, timezone: string): string {
  const known = ZONE_LABELS[timezone];
  if (known) return known[lang];
  const parts = formatter(lang === 'zh-CN' ? 'zone-zh' : 'zone-en', timezone).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timezone;
}
