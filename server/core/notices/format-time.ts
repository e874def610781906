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

/**
 * A moment as local wall-clock time in `timezone`: "09:42 CST" / "09:42（北京时间）", with
 * the date ("Feb 4, 09:42 CST" / "2月4日 09:42（北京时间）") when it is not on the same
 * local day as `referenceMs` (the time the notice is published).
 */
export function formatLocalTime(ms: number, referenceMs: number, lang: Language, timezone: string): string {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const sameDay = localDate(ms, timezone) === localDate(referenceMs, timezone);
  const zone = zoneLabel(ms, lang, timezone);
  if (lang === 'zh-CN') {
    const date = sameDay ? '' : `${new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, month: 'long', day: 'numeric' }).format(ms)} `;
    return `${date}${clock}（${zone}）`;
  }
  const date = sameDay ? '' : `${new Intl.DateTimeFormat('en-US', { timeZone: timezone, month: 'short', day: 'numeric' }).format(ms)}, `;
  return `${date}${clock} ${zone}`;
}

/** YYYY-MM-DD of the local day in `timezone`. */
export function localDate(ms: number, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

function zoneLabel(ms: number, lang: Language, timezone: string): string {
  const known = ZONE_LABELS[timezone];
  if (known) return known[lang];
  const style = lang === 'zh-CN' ? 'long' : 'short';
  const parts = new Intl.DateTimeFormat(lang, { timeZone: timezone, timeZoneName: style }).formatToParts(ms);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timezone;
}
