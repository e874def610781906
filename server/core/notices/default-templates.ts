import type { IncidentStage, Language, NoticeText } from '../plan/types.js';

/**
 * Used only when a plan has no template for a stage at any level, so a notice always
 * carries readable text with the cause, the delay and the recovery time.
 */
export const DEFAULT_TEMPLATES: Record<IncidentStage, Record<Language, NoticeText>> = {
  investigating: {
    en: {
      title: '{service} is slower than usual',
      body: '{service} is receiving {multiple}× its normal traffic because of {cause}. Responses may be delayed by {delay}. We are investigating. Expected recovery: {recovery}. Next update by {nextUpdate}.',
    },
    'zh-CN': {
      title: '{service}响应变慢',
      body: '由于{cause}，{service}当前访问量为平时的 {multiple} 倍，响应可能延迟{delay}。我们正在排查。预计恢复时间：{recovery}。下次更新：{nextUpdate}。',
    },
  },
  identified: {
    en: {
      title: '{service}: traffic surge, adding capacity',
      body: 'The cause is {cause}: traffic is {multiple}× normal. We are limiting traffic and adding servers. Responses may be delayed by {delay}. Expected recovery: {recovery}. Next update by {nextUpdate}.',
    },
    'zh-CN': {
      title: '{service}：访问量激增，正在扩容',
      body: '原因已查明：{cause}，访问量为平时的 {multiple} 倍。我们正在限流并紧急扩容，响应可能延迟{delay}。预计恢复时间：{recovery}。下次更新：{nextUpdate}。',
    },
  },
  monitoring: {
    en: {
      title: '{service}: capacity added, monitoring',
      body: 'Extra capacity is in place and {service} is keeping up with {multiple}× normal traffic ({cause}). Delays are now {delay}. Expected recovery: {recovery}. We are monitoring; next update by {nextUpdate}.',
    },
    'zh-CN': {
      title: '{service}：已完成扩容，持续观察中',
      body: '新增容量已生效，{service}已能承载平时 {multiple} 倍的访问量（{cause}）。当前延迟{delay}。预计恢复时间：{recovery}。我们将持续观察，下次更新：{nextUpdate}。',
    },
  },
  resolved: {
    en: {
      title: '{service} has recovered',
      body: '{service} recovered at {recovery}. It was slowed by {cause}; traffic is now {multiple}× normal and responses are delayed by {delay}.',
    },
    'zh-CN': {
      title: '{service}已恢复',
      body: '{service}已于{recovery}恢复。此前因{cause}导致响应变慢；当前访问量为平时的 {multiple} 倍，延迟{delay}。',
    },
  },
};
