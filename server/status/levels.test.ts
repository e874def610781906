import { describe, expect, it } from 'vitest';
import { componentStatus, impactOf } from './levels.js';

const service = { levels: ['normal', 'elevated', 'surge', 'overload', 'meltdown'], openAtLevel: 'surge' };

describe('componentStatus', () => {
  it.each([
    ['normal', 'operational', 'none'],
    ['elevated', 'operational', 'none'],
    ['surge', 'degraded_performance', 'minor'],
    ['overload', 'partial_outage', 'major'],
    ['meltdown', 'major_outage', 'critical'],
    ['not-a-level', 'operational', 'none'],
  ] as const)('%s is %s with impact %s', (level, status, impact) => {
    expect(componentStatus(level, service)).toBe(status);
    expect(impactOf(componentStatus(level, service))).toBe(impact);
  });

  it('levels past the third incident level stay major_outage', () => {
    const long = { levels: ['normal', 'a', 'b', 'c', 'd'], openAtLevel: 'a' };
    expect(componentStatus('c', long)).toBe('major_outage');
    expect(componentStatus('d', long)).toBe('major_outage');
  });

  it('normal never opens an incident, even when the plan names it', () => {
    expect(componentStatus('normal', { levels: ['normal', 'surge'], openAtLevel: 'normal' })).toBe('operational');
    expect(componentStatus('surge', { levels: ['normal', 'surge'], openAtLevel: 'normal' })).toBe('degraded_performance');
  });
});
