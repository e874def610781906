/** Sample rows for the store tests (free of vitest, so child processes can use them too). */
import type { DrillRecord } from './drills.js';
import type { Notice } from '../core/engine/types.js';

/** A maker of samples: fresh defaults on every call (a test may change them), with whatever it overrides. */
function sample<T>(defaults: () => T): (overrides?: Partial<T>) => T {
  return (overrides = {}) => ({ ...defaults(), ...overrides });
}

export const sampleDrill = sample<DrillRecord>(() => ({
  id: 'drill-1',
  status: 'running',
  scenario: 'feb3',
  policy: 'step',
  speed: 60,
  source: 'generated',
  startedAt: '2026-02-03T01:00:00.000Z',
  endedAt: null,
  scenarioStart: '2020-02-03T08:00:00+08:00',
  scenarioNow: '2020-02-03T08:00:00+08:00',
  scenarioEnd: '2020-02-03T12:00:00+08:00',
  timezone: 'Asia/Shanghai',
  takeovers: [],
  planName: 'default',
  config: { seed: 7, services: ['messaging'] },
}));

export const sampleNotice = sample<Notice>(() => ({
  id: 'notice-1',
  incidentId: 'inc-1',
  t: '2026-02-03T01:05:00.000Z',
  service: 'messaging',
  level: 'surge',
  stage: 'investigating',
  cause: { en: 'a traffic surge', 'zh-CN': '流量激增' },
  multiple: 6,
  expectedDelayMs: 4000,
  expectedRecoveryAt: '2026-02-03T02:00:00.000Z',
  nextUpdateAt: '2026-02-03T01:35:00.000Z',
  text: {
    en: { title: 'Messages are delayed', body: 'Traffic is 6x normal.' },
    'zh-CN': { title: '消息延迟', body: '流量为平时的 6 倍。' },
  },
}));
