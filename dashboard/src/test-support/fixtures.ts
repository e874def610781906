/** Builders of contract data for the dashboard's unit tests. */
import type { DrillDto, EngineEvent, Notice, PlanSummary, Snapshot, Tick } from '../../../server/contracts.js';
import { sampleTick } from '../../../server/core/engine/test-tick.js';

export const T0 = Date.parse('2020-02-03T01:00:00.000Z');

export function isoAt(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString();
}

export function tick(service: string, seconds: number, over: Partial<Tick> = {}): Tick {
  return sampleTick({ t: isoAt(seconds), service, ...over });
}

export function event(service: string, seconds: number, type: EngineEvent['type'], over: Partial<EngineEvent> = {}): EngineEvent {
  return { t: isoAt(seconds), service, type, message: `${type} on ${service}`, ...over };
}

export function notice(id: string, service: string, seconds: number, over: Partial<Notice> = {}): Notice {
  return {
    id,
    incidentId: 'inc-1',
    t: isoAt(seconds),
    service,
    level: 'surge',
    stage: 'investigating',
    cause: { en: 'a surge of remote workers', 'zh-CN': '远程办公用户激增' },
    multiple: 5,
    expectedDelayMs: 4000,
    expectedRecoveryAt: isoAt(seconds + 3600),
    nextUpdateAt: isoAt(seconds + 900),
    text: {
      en: { title: 'Messages delayed', body: 'Messages are delayed by a surge.' },
      'zh-CN': { title: '消息延迟', body: '由于流量激增，消息有延迟。' },
    },
    ...over,
  };
}

// what server/status/levels.ts makes of these levels; from-live.test.ts checks it against the server's summary
const STATUS_BY_LEVEL = { normal: 'operational', elevated: 'operational', surge: 'degraded_performance', critical: 'partial_outage' } as const;

export const PLAN: PlanSummary = {
  name: 'feb3-plan',
  timezone: 'Asia/Shanghai',
  tickSeconds: 10,
  levels: ['normal', 'elevated', 'surge', 'critical'],
  services: [
    { name: 'chat', displayName: 'Chat', displayNames: { en: 'Chat', 'zh-CN': '聊天' }, sloLatencyMs: 500, levels: ['normal', 'elevated', 'surge', 'critical'], openAtLevel: 'surge', statusByLevel: STATUS_BY_LEVEL, minServers: 4, maxServers: 40 },
    { name: 'video', displayName: 'Video', displayNames: { en: 'Video', 'zh-CN': '视频' }, sloLatencyMs: 300, levels: ['normal', 'elevated', 'surge', 'critical'], openAtLevel: 'surge', statusByLevel: STATUS_BY_LEVEL, minServers: 6, maxServers: 60 },
  ],
};

export function drill(id: string, over: Partial<DrillDto> = {}): DrillDto {
  return {
    id,
    status: 'running',
    scenario: 'feb3',
    policy: 'step',
    speed: 60,
    source: 'generated',
    startedAt: '2024-05-01T08:00:00.000Z',
    endedAt: null,
    scenarioStart: isoAt(0),
    scenarioNow: isoAt(600),
    scenarioEnd: isoAt(36000),
    timezone: 'Asia/Shanghai',
    takeovers: [],
    ...over,
  };
}

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    serverTime: '2024-05-01T08:10:00.000Z',
    drill: drill('d1'),
    plan: PLAN,
    history: { chat: [tick('chat', 0), tick('chat', 10)], video: [tick('video', 0)] },
    events: [],
    notices: [],
    ...over,
  };
}
