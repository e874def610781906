/** Fixed wording of the status outputs, per language. Notice bodies come from the plan's templates. */
import type { IncidentStage, Language } from '../core/plan/types.js';
import type { Impact } from './levels.js';

// Statuspage's own rollup descriptions for the English side.
export const STATUS_DESCRIPTION: Record<Language, Record<Impact, string>> = {
  en: {
    none: 'All Systems Operational',
    minor: 'Partially Degraded Service',
    major: 'Partial System Outage',
    critical: 'Major Service Outage',
  },
  'zh-CN': {
    none: '所有系统运行正常',
    minor: '部分服务性能下降',
    major: '部分系统中断',
    critical: '重大服务中断',
  },
};

export const STAGE_LABEL: Record<Language, Record<IncidentStage, string>> = {
  en: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
  'zh-CN': { investigating: '调查中', identified: '已确认', monitoring: '观察中', resolved: '已解决' },
};

export const FEED_WORDS: Record<
  Language,
  { history: string; cause: string; delay: string; recovery: string; nextUpdate: string; seconds: string }
> = {
  en: {
    history: 'status history',
    cause: 'Cause',
    delay: 'Expected delay',
    recovery: 'Expected recovery',
    nextUpdate: 'Next update',
    seconds: 's',
  },
  'zh-CN': { history: '状态历史', cause: '原因', delay: '预计延迟', recovery: '预计恢复时间', nextUpdate: '下次更新', seconds: '秒' },
};

export const INCIDENT_PAGE_WORDS: Record<
  Language,
  { back: string; service: string; impact: string; opened: string; resolved: string; updates: string; cause: string; delay: string; recovery: string; nextUpdate: string; seconds: string; unknown: string }
> = {
  en: {
    back: 'Back to the status page',
    service: 'Service',
    impact: 'Impact',
    opened: 'Opened',
    resolved: 'Resolved',
    updates: 'Updates',
    cause: 'Cause',
    delay: 'Expected delay',
    recovery: 'Expected recovery',
    nextUpdate: 'Next update',
    seconds: 's',
    unknown: 'not known yet',
  },
  'zh-CN': {
    back: '返回状态页',
    service: '服务',
    impact: '影响',
    opened: '开始时间',
    resolved: '解决时间',
    updates: '更新记录',
    cause: '原因',
    delay: '预计延迟',
    recovery: '预计恢复时间',
    nextUpdate: '下次更新',
    seconds: '秒',
    unknown: '暂不确定',
  },
};
