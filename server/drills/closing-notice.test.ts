import { describe, expect, it } from 'vitest';
import { loadDefaultPlan } from '../plan-file.js';
import type { IncidentRecord } from '../store/incidents.js';
import { closingNotice } from './closing-notice.js';

const plan = await loadDefaultPlan();
if (!plan.ok) throw new Error('the default plan does not load');

const open: IncidentRecord = {
  id: 'd-1:inc-3',
  drillId: 'd-1',
  service: 'messaging',
  level: 'critical',
  stage: 'identified',
  openedAt: '2020-02-03T01:00:00.000Z',
  updatedAt: '2020-02-03T01:10:00.000Z',
  resolvedAt: null,
};

describe('closingNotice', () => {
  it.each([
    ['stopped', 'The drill was stopped', '演练已停止'],
    ['interrupted', 'The drill was interrupted', '演练中断'],
    ['finished', 'end of its scenario', '场景终点'],
    ['paused', 'Live monitoring was paused', '实时监测'],
  ] as const)('%s: resolves the incident and says why in both languages', (reason, en, zh) => {
    const n = closingNotice(plan.value, open, reason, '2020-02-03T01:20:00.000Z');
    expect(n).toMatchObject({ id: `d-1:inc-3:${reason}`, incidentId: 'd-1:inc-3', stage: 'resolved', service: 'messaging', t: '2020-02-03T01:20:00.000Z', nextUpdateAt: null, expectedRecoveryAt: null });
    expect(n.text.en.body).toContain(en);
    expect(n.text['zh-CN'].body).toContain(zh);
    expect(n.cause.en).toContain('Spring Festival');
  });

  it('never comes before the update it closes', () => {
    expect(closingNotice(plan.value, open, 'stopped', '2020-02-03T01:05:00.000Z').t).toBe(open.updatedAt);
  });

  it('a service the plan does not have (a stale incident) gets an empty cause, not one from Object.prototype', () => {
    const n = closingNotice(plan.value, { ...open, service: 'constructor' }, 'stopped', open.updatedAt);
    expect(n.cause).toEqual({ en: '', 'zh-CN': '' });
  });
});
