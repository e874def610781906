import type { Language, NoticeText } from '../plan/types.js';
import { formatDelay } from './format-delay.js';
import { formatLocalTime } from './format-time.js';

/** The numbers a notice is rendered from; times are epoch milliseconds. */
export interface NoticeValues {
  /** the service's display name */
  service: string;
  cause: Record<Language, string>;
  /** how many times normal the traffic is */
  multiple: number;
  expectedDelayMs: number;
  expectedRecoveryAt: number | null;
  /** null once the incident is resolved */
  nextUpdateAt: number | null;
  level: string;
  /** when the notice is published: times on the same local day are shown without a date */
  t: number;
}

const UNKNOWN_RECOVERY: Record<Language, string> = { en: 'not yet known', 'zh-CN': '暂无法预估' };
const NO_NEXT_UPDATE: Record<Language, string> = { en: 'no further updates', 'zh-CN': '不再另行通知' };

/**
 * Fills the placeholders {service} {cause} {multiple} {delay} {recovery} {nextUpdate}
 * {level} of a template. Unknown placeholders are left as written, so a typo shows in
 * the notice instead of silently vanishing.
 */
export function renderNotice(template: NoticeText, values: NoticeValues, lang: Language, timezone: string): NoticeText {
  const time = (ms: number | null, none: Record<Language, string>): string =>
    ms === null ? none[lang] : formatLocalTime(ms, values.t, lang, timezone);
  const fills: Record<string, string> = {
    service: values.service,
    cause: values.cause[lang],
    multiple: values.multiple.toFixed(1),
    delay: formatDelay(values.expectedDelayMs, lang),
    recovery: time(values.expectedRecoveryAt, UNKNOWN_RECOVERY),
    nextUpdate: time(values.nextUpdateAt, NO_NEXT_UPDATE),
    level: values.level,
  };
  const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (whole: string, name: string) => fills[name] ?? whole);
  return { title: fill(template.title), body: fill(template.body) };
}
