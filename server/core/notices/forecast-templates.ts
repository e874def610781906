/**
 * Notice texts for what the forecast says rather than the stage alone. They take precedence
 * over the plan's templates in three cases, so that no notice shows a time it cannot stand
 * behind: "monitoring" (users are fine now, so there is no recovery time to promise, only
 * watching; after a precaution it says capacity keeps up, not "back to normal speed", since
 * users were told of no delay), a precaution (an incident opened on demand alone while users
 * are fine and the forecast sees them stay fine) and an open incident whose recovery is not
 * known yet: not foreseen within the forecast horizon, or hanging on how far a steep rise
 * still climbs.
 * The range: {recovery} in any template renders as "09:40 (between 09:25 and 10:05)" when
 * the notice carries one; {earliest} and {latest} are the two ends alone.
 */
import type { Language, NoticeText } from '../plan/types.js';

export const MONITORING_TEMPLATE: Record<Language, NoticeText> = {
  en: {
    title: '{service} is back to normal speed; we are watching',
    body: 'Extra capacity for {service} is in place and responses are within normal times again, with traffic {multiple}× normal ({cause}). Our forecast shows demand staying within capacity; we keep watching and will confirm by {nextUpdate}.',
  },
  'zh-CN': {
    title: '{service}已恢复正常速度，持续观察中',
    body: '{service}新增容量已生效，响应时间已恢复正常，当前访问量为平时的 {multiple} 倍（{cause}）。根据预测，访问量将保持在容量范围内；我们将继续观察，并于{nextUpdate}前再次确认。',
  },
};

/** "monitoring" after a precaution: the notice before it said there were no delays */
export const KEEPING_UP_TEMPLATE: Record<Language, NoticeText> = {
  en: {
    title: '{service}: capacity keeps up with high demand; we are watching',
    body: 'Extra capacity for {service} is in place and keeps up with traffic at {multiple}× normal ({cause}); responses are within normal times. Our forecast shows demand staying within capacity; we keep watching and will confirm by {nextUpdate}.',
  },
  'zh-CN': {
    title: '{service}容量足以应对高访问量，持续观察中',
    body: '{service}新增容量已生效，足以应对当前访问量（平时的 {multiple} 倍，{cause}），响应时间正常。根据预测，访问量将保持在容量范围内；我们将继续观察，并于{nextUpdate}前再次确认。',
  },
};

export const PRECAUTION_TEMPLATE: Record<Language, NoticeText> = {
  en: {
    title: '{service}: high demand, no delays so far',
    body: '{service} is receiving {multiple}× its normal traffic because of {cause}. Responses are within normal times so far, and our forecast shows capacity keeping up; we are watching it and adding servers as needed. Next update by {nextUpdate}.',
  },
  'zh-CN': {
    title: '{service}访问量较高，暂无延迟',
    body: '由于{cause}，{service}当前访问量为平时的 {multiple} 倍。目前响应时间正常，预测显示容量足以应对；我们正在密切关注，并将按需增加服务器。下次更新：{nextUpdate}。',
  },
};

export const NOT_KNOWN_TEMPLATE: Record<Language, NoticeText> = {
  en: {
    title: '{service} is slower than usual',
    body: '{service} is receiving {multiple}× its normal traffic because of {cause}, and responses may be delayed by {delay}. We are working on it, but we cannot yet say when normal service will return: our forecast does not foresee it within the next few hours. We will tell you more by {nextUpdate}.',
  },
  'zh-CN': {
    title: '{service}响应变慢',
    body: '由于{cause}，{service}当前访问量为平时的 {multiple} 倍，响应可能延迟{delay}。我们正在处理，但目前还无法确定恢复时间：预测显示未来几小时内难以恢复。我们将于{nextUpdate}前告知最新进展。',
  },
};

/**
 * "Not known yet" while demand still climbs steeply: the time depends on how far it goes, not
 * on a horizon, and the forecast is asked again every minute, so a time may come well before
 * the next scheduled update.
 */
export const RISING_NOT_KNOWN_TEMPLATE: Record<Language, NoticeText> = {
  en: {
    title: '{service} is slower than usual',
    body: '{service} is receiving {multiple}× its normal traffic because of {cause}, and responses may be delayed by {delay}. We are working on it, but we cannot yet say when normal service will return: demand is still climbing fast, and the time depends on how far it goes. We will give a time as soon as we can, and tell you more by {nextUpdate} at the latest.',
  },
  'zh-CN': {
    title: '{service}响应变慢',
    body: '由于{cause}，{service}当前访问量为平时的 {multiple} 倍，响应可能延迟{delay}。我们正在处理，但目前还无法确定恢复时间：访问量仍在快速上升，恢复时间取决于它还会升到多高。一旦能够估计，我们会立即公布，最迟于{nextUpdate}前告知最新进展。',
  },
};

export const RANGE_WORDS: Record<Language, (point: string, earliest: string, latest: string | null) => string> = {
  en: (point, earliest, latest) => (latest === null ? `${point} (${earliest} at the earliest; later if demand keeps rising)` : `${point} (between ${earliest} and ${latest})`),
  'zh-CN': (point, earliest, latest) => (latest === null ? `${point}（最早${earliest}；若访问量继续上升则更晚）` : `${point}（${earliest}至${latest}之间）`),
};
