import type { Language, NoticeText } from '../plan/types.js';
import { formatDelay } from './format-delay.js';
import { formatLocalTime } from './format-time.js';
import { RANGE_WORDS } from './forecast-templates.js';

/** The numbers a notice is rendered from; times are epoch milliseconds. */
export interface NoticeValues {
  /** the service's display name */
  service: string;
  cause: Record<Language, string>;
  /** how many times normal the traffic is */
  multiple: number;
  expectedDelayMs: number;
  expectedRecoveryAt: number | null;
  /** the range around expectedRecoveryAt, when the notice carries one */
  recoveryEarliestAt?: number | null;
  recoveryLatestAt?: number | null;
  /** null once the incident is resolved */
  nextUpdateAt: number | null;
  level: string;
  /** when the notice is published: times on the same local day are shown without a date */
  t: number;
}

const UNKNOWN_RECOVERY: Record<Language, string> = { en: 'not yet known', 'zh-CN': '暂无法预估' };
const NO_NEXT_UPDATE: Record<Language, string> = { en: 'no further updates', 'zh-CN': '不再另行通知' };

/**
 * Fills the placeholders {service} {cause} {multiple} {delay} {recovery} {earliest} {latest}
 * {nextUpdate} {level} of a template; {recovery} carries the range when there is one. Unknown placeholders are left as written, so a typo shows in
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
    recovery: recoveryText(values, lang, (ms) => time(ms, UNKNOWN_RECOVERY)),
    earliest: time(values.recoveryEarliestAt ?? null, UNKNOWN_RECOVERY),
    latest: time(values.recoveryLatestAt ?? null, UNKNOWN_RECOVERY),
    nextUpdate: time(values.nextUpdateAt, NO_NEXT_UPDATE),
    level: values.level,
  };
  const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (whole: string, name: string) => fills[name] ?? whole);
  return { title: fill(template.title), body: fill(template.body) };
}

function recoveryText(values: NoticeValues, lang: Language, time: (ms: number | null) => string): string {
  const point = time(values.expectedRecoveryAt);
  const earliest = values.recoveryEarliestAt ?? null;
  if (values.expectedRecoveryAt === null || earliest === null) return point;
  const latest = values.recoveryLatestAt ?? null;
  const e = time(earliest);
  const l = latest === null ? null : time(latest);
  // a range that rounds to the point itself says nothing more
  if (e === point && (l === null ? false : l === point)) return point;
  return RANGE_WORDS[lang](point, e, l);
}
