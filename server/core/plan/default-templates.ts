/**
 * Built-in notice templates, in English and Simplified Chinese, for the default levels.
 * Written the way good status pages write (Atlassian's incident-communication tips): say
 * what users notice, the cause, how long they may wait, what is being done and when the
 * next update comes; never blame users, and ask them to retry only what failed.
 */
import type { ServiceKind } from './service-kind.js';
import type { IncidentStage, Language, NoticeText } from './types.js';

export type LevelTemplates = Record<IncidentStage, Record<Language, NoticeText>>;

/** A notice's text in English and in Simplified Chinese, each as [title, body]. */
export function inBoth(en: readonly [title: string, body: string], zh: readonly [title: string, body: string]): Record<Language, NoticeText> {
  return { en: { title: en[0], body: en[1] }, 'zh-CN': { title: zh[0], body: zh[1] } };
}

/** What each placeholder is replaced with when a notice is rendered. */
export const PLACEHOLDERS = {
  service: 'the service\'s display name',
  cause: 'the service\'s notices.cause in the notice\'s language',
  multiple: 'current demand as a multiple of normal, e.g. "6.2"',
  delay: 'the expected extra wait per request, e.g. "about 3 seconds" / "约 3 秒"',
  recovery: 'the expected recovery time in the plan\'s time zone, e.g. "09:40"',
  nextUpdate: 'the time of the next update in the plan\'s time zone, e.g. "09:30"',
  level: 'the name of the service\'s current level',
} as const;

export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[];

export const DEFAULT_CAUSE: Record<Language, string> = {
  en: 'an unusual surge in demand',
  'zh-CN': '访问量异常激增',
};

const RESOLVED: Record<Language, NoticeText> = inBoth(
  ['{service} is back to normal', '{service} is responding normally again. The slowdown was caused by {cause}; we added capacity and demand is now within it. If something you did during the slowdown failed, please try it again. Thank you for your patience.'],
  ['{service}已恢复正常', '{service}已恢复正常响应。此前变慢的原因是{cause}，我们已完成扩容，当前访问量在容量范围之内。如果您在此期间有操作失败，请重试。感谢您的耐心等待。'],
);

const MONITORING: Record<Language, NoticeText> = inBoth(
  ['{service} is recovering', 'The extra servers for {service} are online and response times are returning to normal. Until about {recovery}, some actions may still take {delay} longer. We are watching closely. Next update by {nextUpdate}.'],
  ['{service}正在恢复', '{service}新增的服务器已经上线，响应速度正在恢复正常。预计{recovery}前，部分操作仍可能多等待{delay}。我们正在密切观察。下次更新时间：{nextUpdate}。'],
);

/** What users of each kind of service notice first when it slows down. */
const ACTIVITIES: Record<ServiceKind, Record<Language, string>> = {
  messaging: { en: 'Messages and notifications', 'zh-CN': '消息和通知' },
  meetings: { en: 'Joining meetings, audio and video', 'zh-CN': '入会和音视频' },
  documents: { en: 'Opening, editing and saving documents', 'zh-CN': '文档的打开、编辑和保存' },
  generic: { en: 'Pages and actions', 'zh-CN': '页面和各项操作' },
};

/** The built-in templates worded for a kind of service. */
export function defaultTemplatesFor(kind: ServiceKind): Record<string, LevelTemplates> {
  const activities = ACTIVITIES[kind];
  const surge = DEFAULT_TEMPLATES.surge as LevelTemplates;
  return {
    ...DEFAULT_TEMPLATES,
    surge: {
      ...surge,
      investigating: inBoth(
        ['{service} is slower than usual', `Demand on {service} is {multiple} times normal. ${activities.en} may take {delay} longer than usual, and some may time out. We are investigating and bringing standby servers online. Next update by {nextUpdate}.`],
        ['{service}响应变慢', `{service}当前访问量达到平时的{multiple}倍，${activities['zh-CN']}可能比平时多等待{delay}，个别请求可能超时。我们正在排查，并启用备用服务器扩容。下次更新时间：{nextUpdate}。`],
      ),
    },
  };
}

/** The templates for a service of no particular kind (kind: generic). */
export const DEFAULT_TEMPLATES: Record<string, LevelTemplates> = {
  watch: {
    investigating: inBoth(
      ['{service} may be slower than usual', 'Demand on {service} is {multiple} times normal, and some actions may take {delay} longer. Nothing is failing; we are watching closely and preparing extra servers. Next update by {nextUpdate}.'],
      ['{service}可能略有延迟', '{service}的访问量达到平时的{multiple}倍，部分操作可能多等待{delay}。目前服务正常，我们正在密切关注并准备扩容。下次更新时间：{nextUpdate}。'],
    ),
    identified: inBoth(
      ['{service} may be slower than usual', '{service} is busier than usual because of {cause}: demand is {multiple} times normal and some actions may take {delay} longer. We are starting standby servers and expect normal speed by {recovery}. Next update by {nextUpdate}.'],
      ['{service}可能略有延迟', '{service}访问量较大，原因是{cause}，目前为平时的{multiple}倍，部分操作可能多等待{delay}。我们正在启用备用服务器，预计{recovery}前恢复正常速度。下次更新时间：{nextUpdate}。'],
    ),
    monitoring: MONITORING,
    resolved: RESOLVED,
  },
  surge: {
    investigating: inBoth(
      ['{service} is slower than usual', 'Demand on {service} is {multiple} times normal. Pages and actions may take {delay} longer than usual, and some may time out. We are investigating and bringing standby servers online. Next update by {nextUpdate}.'],
      ['{service}响应变慢', '{service}当前访问量达到平时的{multiple}倍，页面和各项操作可能比平时多等待{delay}，个别请求可能超时。我们正在排查，并启用备用服务器扩容。下次更新时间：{nextUpdate}。'],
    ),
    identified: inBoth(
      ['{service} delays: cause identified', '{service} is slower than usual because of {cause}. Demand is {multiple} times normal, so actions may take {delay} longer. We are adding servers and expect normal service by {recovery}. Next update by {nextUpdate}.'],
      ['{service}响应变慢：原因已查明', '{service}响应变慢的原因是{cause}，访问量为平时的{multiple}倍，各项操作可能多等待{delay}。我们正在增加服务器，预计{recovery}前恢复正常。下次更新时间：{nextUpdate}。'],
    ),
    monitoring: MONITORING,
    resolved: RESOLVED,
  },
  critical: {
    investigating: inBoth(
      ['Some {service} requests are failing', 'Demand on {service} is {multiple} times normal, more than it can serve right now. To keep it working for everyone, we are turning some requests away with a "please retry" message; the rest may take {delay} longer. We are adding servers urgently. Next update by {nextUpdate}.'],
      ['{service}部分请求失败', '{service}当前访问量达到平时的{multiple}倍，超出了现有承载能力。为保证大家都能使用，我们暂时限制了部分请求，您可能会看到“请稍后重试”的提示，其余操作可能多等待{delay}。我们正在紧急扩容。下次更新时间：{nextUpdate}。'],
    ),
    identified: inBoth(
      ['Some {service} requests are failing: cause identified', '{service} is overloaded because of {cause}: demand is {multiple} times normal. Some requests are turned away with a "please retry" message and the rest may take {delay} longer. We are adding servers as fast as our cloud allows and expect normal service by {recovery}. Next update by {nextUpdate}.'],
      ['{service}部分请求失败：原因已查明', '{service}负载过高，原因是{cause}，访问量为平时的{multiple}倍。部分请求会提示“请稍后重试”，其余操作可能多等待{delay}。我们正在尽快增加服务器，预计{recovery}前恢复正常。下次更新时间：{nextUpdate}。'],
    ),
    monitoring: inBoth(
      ['{service} is recovering', 'New servers for {service} are online and we have stopped turning requests away. Until about {recovery}, some actions may still take {delay} longer. If something failed earlier, please try it again. Next update by {nextUpdate}.'],
      ['{service}正在恢复', '{service}新增的服务器已经上线，我们已停止限制请求。预计{recovery}前，部分操作仍可能多等待{delay}。如果您之前有操作失败，请重试。下次更新时间：{nextUpdate}。'],
    ),
    resolved: RESOLVED,
  },
};
