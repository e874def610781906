/**
 * When a drill ends before its incidents do (stopped by an operator, interrupted by a
 * shutdown, or at the end of its scenario), each open incident gets a last update that
 * resolves it and says why. Without
 * it the status documents would keep an outage open that nothing will ever close, while the
 * next session reports every service as operational.
 */
import type { Notice } from '../core/engine/types.js';
import { inBoth } from '../core/plan/default-templates.js';
import type { Language, NoticeText, Plan } from '../core/plan/types.js';
import type { IncidentRecord } from '../store/incidents.js';
import { planService } from './plan-service.js';

/** 'paused': the live session between drills ended because a drill started */
export type EndReason = 'stopped' | 'interrupted' | 'finished' | 'paused';

const TEXT: Record<EndReason, Record<Language, NoticeText>> = {
  stopped: inBoth(
    ['Drill stopped', 'The drill was stopped, so this incident is closed. No further updates will follow.'],
    ['演练已停止', '演练已停止，此事件随之关闭，不再另行更新。'],
  ),
  interrupted: inBoth(
    ['Drill interrupted', 'The drill was interrupted when the server shut down, so this incident is closed. No further updates will follow.'],
    ['演练已中断', '服务器关闭导致演练中断，此事件随之关闭，不再另行更新。'],
  ),
  finished: inBoth(
    ['Drill ended', 'The drill reached the end of its scenario, so this incident is closed. No further updates will follow.'],
    ['演练已结束', '演练已到达场景终点，此事件随之关闭，不再另行更新。'],
  ),
  paused: inBoth(
    ['Live monitoring paused', 'Live monitoring was paused for a drill, so this incident is closed. It reopens if the surge is still there afterwards.'],
    ['实时监测已暂停', '实时监测因演练而暂停，此事件随之关闭；演练结束后如流量仍然激增，将重新开启事件。'],
  ),
};

/** The resolving notice for one open incident, at `t` (the drill's scenario time when it ended). */
export function closingNotice(plan: Plan, incident: IncidentRecord, reason: EndReason, t: string): Notice {
  const cause = planService(plan, incident.service)?.notices.cause ?? { en: '', 'zh-CN': '' };
  return {
    id: `${incident.id}:${reason}`,
    incidentId: incident.id,
    // never before the incident's latest update: a resolution cannot precede what it resolves
    t: Date.parse(t) >= Date.parse(incident.updatedAt) ? t : incident.updatedAt,
    service: incident.service,
    level: incident.level,
    stage: 'resolved',
    cause,
    multiple: 1,
    expectedDelayMs: 0,
    expectedRecoveryAt: null,
    nextUpdateAt: null,
    text: TEXT[reason],
  };
}
