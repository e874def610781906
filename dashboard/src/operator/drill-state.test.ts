import { describe, expect, test } from 'vitest';
import type { EngineEvent } from '../api/api-types.js';
import { translator } from '../i18n/translate.js';
import { drill, event, isoAt, notice, PLAN, tick } from '../test-support/fixtures.js';
import { pastDrills } from './drill-history.js';
import { isEndedDrill, isLiveSession, isRunningDrill } from './drill-phase.js';
import { drillSummary } from './drill-summary.js';
import { eventText, reasonText } from './event-text.js';
import { problemText } from './feedback.js';
import { recoveryText } from './incidents-view.js';
import { serviceOverview } from './overview.js';
import { isScaleAnswer, scaleAnswerText } from './scale-form.js';
import type { ViewContext } from './view-context.js';

const en: ViewContext = { language: 'en', timeZone: 'Asia/Shanghai', t: translator('en') };
const zh: ViewContext = { language: 'zh-CN', timeZone: 'Asia/Shanghai', t: translator('zh-CN') };
const noLabel = (): null => null;

describe('drill phases', () => {
  test("the server's live session is neither a running nor an ended drill", () => {
    const live = drill('live-1', { scenario: 'live', status: 'running' });
    expect(isLiveSession(live)).toBe(true);
    expect(isRunningDrill(live)).toBe(false);
    expect(isEndedDrill(live)).toBe(false);
    expect(isEndedDrill(drill('d1', { status: 'finished' }))).toBe(true);
    expect(isRunningDrill(drill('d2', { status: 'running' }))).toBe(true);
  });

  test('past drills: ended ones only, newest first, bounded', () => {
    const list = [
      drill('d1', { status: 'finished', endedAt: isoAt(10) }),
      drill('live-1', { scenario: 'live', status: 'stopped', endedAt: isoAt(50) }),
      drill('d2', { status: 'running' }),
      drill('d3', { status: 'stopped', endedAt: isoAt(30) }),
    ];
    expect(pastDrills(list).map((d) => d.id)).toEqual(['d3', 'd1']);
    expect(pastDrills(list, 1).map((d) => d.id)).toEqual(['d3']);
  });
});

describe('the finished-drill summary', () => {
  test('counts incidents and triggers and finds each service peak', () => {
    const ended = drill('d1', { status: 'finished', scenarioStart: isoAt(0), scenarioNow: isoAt(600) });
    const chat = PLAN.services[0]!;
    const ticks = { [chat.name]: [tick(chat.name, 0, { demandRps: 100 }), tick(chat.name, 15, { demandRps: 900 }), tick(chat.name, 30, { demandRps: 300 })] };
    const events = [event(chat.name, 10, 'trigger:firing'), event(chat.name, 20, 'trigger:pending'), event(chat.name, 40, 'trigger:firing')];
    const notices = [notice('n1', chat.name, 10, { incidentId: 'i1' }), notice('n2', chat.name, 50, { incidentId: 'i1', stage: 'resolved' }), notice('n3', chat.name, 60, { incidentId: 'i2' })];
    const summary = drillSummary(ended, [chat], ticks, events, notices);
    expect(summary).toMatchObject({ from: isoAt(0), to: isoAt(600), incidentsOpened: 2, incidentsResolved: 1, triggersFired: 2 });
    expect(summary.peaks[0]).toMatchObject({ name: chat.name, peakDemandRps: 900 });
    expect(summary.promises).toEqual({ kind: 'loading' });
  });

  test("carries the report's promise record in the plan's order, under the names the page shows", () => {
    const ended = drill('d1', { status: 'finished' });
    const record = { scored: 4, notKnown: 1, onTarget: 0.75, broken: 0, medianErrorSeconds: 60, biasSeconds: -30 };
    const summary = drillSummary(ended, PLAN.services, {}, [], [], { [PLAN.services[0]!.name]: record, unknown: record });
    expect(summary.promises).toEqual({ kind: 'ready', services: [{ ...record, name: PLAN.services[0]!.name, displayName: PLAN.services[0]!.displayName }] });
    expect(drillSummary(ended, PLAN.services, {}, [], [], 'unavailable').promises).toEqual({ kind: 'unavailable' });
  });
});

describe("a notice's recovery time", () => {
  test('shows the range beside the point estimate, and only what is known of it', () => {
    const n = notice('n1', 'chat', 0, { expectedRecoveryAt: '2020-02-03T01:40:00Z', recoveryEarliestAt: '2020-02-03T01:25:00Z', recoveryLatestAt: '2020-02-03T02:05:00Z' });
    expect(recoveryText(n, en)).toBe('09:40 (between 09:25 and 10:05)');
    expect(recoveryText({ ...n, recoveryLatestAt: null }, en)).toBe('09:40 (from 09:25; latest not known)');
    expect(recoveryText({ ...n, recoveryEarliestAt: n.expectedRecoveryAt, recoveryLatestAt: n.expectedRecoveryAt }, en)).toBe('09:40');
    expect(recoveryText({ ...n, expectedRecoveryAt: null }, en)).toBe('not known yet');
    expect(recoveryText(n, zh)).toBe('09:40（09:25 至 10:05 之间）');
  });
});

describe('words for a person', () => {
  test('refusals are sentences, not API paths', () => {
    const running = problemText({ status: 409, code: 'drill.running', message: 'drill d1 is running; stop it first (POST /api/v1/drills/d1/stop)' }, en.t, noLabel);
    expect(running).toBe('A drill is already running. Stop it first.');
    const speed = problemText({ status: 400, code: 'request.invalid', message: 'body.speed: must be <= 10000 (body.speed)', field: 'body.speed' }, en.t, noLabel);
    expect(speed).not.toMatch(/body\.|<=|\/api/);
    expect(problemText({ status: 0, code: 'client.network', message: 'Failed to fetch' }, en.t, noLabel)).toMatch(/did not answer/);
    expect(problemText({ status: 400, code: 'drill.speed', message: 'at most 750 with this plan' }, zh.t, noLabel)).toContain('750');
  });

  test('a clamped manual scale says what was applied and why', () => {
    const answer = { service: 'messaging', requested: 5000, applied: 400, reason: 'capped-at-maximum' };
    expect(isScaleAnswer(answer)).toBe(true);
    expect(isScaleAnswer({ queued: true })).toBe(false);
    if (!isScaleAnswer(answer)) return;
    expect(scaleAnswerText(answer, 'Messaging', en)).toBe('Messaging: 400 servers, the plan maximum (you asked for 5000).');
    expect(scaleAnswerText({ ...answer, requested: 10, applied: 40, reason: 'raised-to-minimum' }, 'Messaging', en)).toContain('minimum');
  });

  test('every event type reads in Chinese without English words or raw codes', () => {
    const types: EngineEvent['type'][] = [
      'trigger:pending', 'trigger:firing', 'trigger:clearing', 'trigger:resolved', 'level:changed', 'scale:decision', 'servers:activated',
      'servers:provisioning', 'servers:starting', 'servers:ready', 'servers:draining', 'servers:stopped', 'throttle:started', 'throttle:stopped',
      'drop:started', 'drop:stopped', 'incident:opened', 'incident:updated', 'incident:resolved', 'manual:scale',
    ];
    const data = { level: 'surge', from: 'watch', to: 'surge', current: 10, desired: 20, count: 3, active: 12, throttledRps: 27.4, droppedRps: 5, stage: 'identified' };
    for (const type of types) {
      const e = event('chat', 0, type, { data, reason: 'StepRuleRepeated' });
      const text = `${eventText(e, zh)} ${reasonText(e, zh) ?? ''}`;
      expect(text, type).not.toMatch(/[A-Za-z]/);
      expect(eventText(e, en), type).not.toContain('{');
    }
    expect(reasonText(event('chat', 0, 'scale:decision', { reason: 'StepRuleRepeated' }), en)).toBe('step rule repeated');
  });

  test('one server is one server', () => {
    expect(eventText(event('chat', 0, 'servers:stopped', { data: { count: 1 } }), en)).toBe('1 server stopped');
    expect(eventText(event('chat', 0, 'servers:stopped', { data: { count: 2 } }), en)).toBe('2 servers stopped');
    expect(eventText(event('chat', 0, 'servers:ready', { data: { count: 1, active: 9 } }), en)).toBe('1 server ready; 9 serving');
  });

  test('a manual scale outside the plan limits says what was applied, not what was asked', () => {
    const limits = new Map([['chat', { minServers: 40, maxServers: 400 }]]);
    const asked = (desired: number) => eventText(event('chat', 0, 'manual:scale', { data: { desired, by: 'token t1' } }), en, limits);
    expect(asked(5000)).toBe('Scaled by hand to 400 servers (5,000 asked; the plan allows 40 to 400)');
    expect(asked(120)).toBe('Scaled by hand to 120 servers');
  });
});

describe('service card', () => {
  test('no expected recovery while no incident is open', () => {
    const chat = PLAN.services[0]!;
    expect(serviceOverview(chat, tick(chat.name, 0, { expectedRecoveryAt: isoAt(900) }), []).expectedRecoveryAt).toBeNull();
  });
});
