import { describe, expect, test } from 'vitest';
import { loadDefaultPlan } from '../../plan-file.js';
import { componentStatus } from '../../status/levels.js';
import { planSummary } from './plan.js';

describe('plan summary', () => {
  test('says what each level reads as on the status page, by the status documents\' own rule', async () => {
    const plan = await loadDefaultPlan();
    if (!plan.ok) throw new Error('the default plan must load');
    const summary = planSummary(plan.value);
    for (const service of summary.services) {
      expect(Object.keys(service.statusByLevel)).toEqual(summary.levels);
      for (const level of summary.levels) expect(service.statusByLevel[level]).toBe(componentStatus(level, service));
    }
    // watch opens no incident; from surge (openAt) on, users are told
    expect(summary.services[0]?.statusByLevel).toEqual({ normal: 'operational', watch: 'operational', surge: 'degraded_performance', critical: 'partial_outage' });
  });
});
