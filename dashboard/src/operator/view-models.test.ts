import { describe, expect, test } from 'vitest';
import { currentNotice, serviceOverview } from './overview.js';
import { groupIncidents } from './incidents.js';
import { eventFamily, timelineEntries } from './timeline.js';
import { levelTone } from '../shared/level-tone.js';
import { event, isoAt, notice, PLAN, tick } from '../test-support/fixtures.js';

const chat = PLAN.services[0]!;

describe('service overview card', () => {
  test('shows level, tone, servers, utilisation, notice and recovery from the latest tick', () => {
    const latest = tick('chat', 60, { level: 'surge', utilization: 0.934, expectedRecoveryAt: isoAt(4000) });
    const card = serviceOverview(chat, latest, [notice('n1', 'chat', 30)]);
    expect(card).toMatchObject({ name: 'chat', displayName: 'Chat', level: 'surge', tone: 'high', utilizationPct: 93, expectedRecoveryAt: isoAt(4000) });
    expect(card.notice?.id).toBe('n1');
    expect(card.servers?.active).toBe(6);
  });

  test('before any tick the card is empty but valid', () => {
    expect(serviceOverview(chat, undefined, [])).toEqual({
      name: 'chat', displayName: 'Chat', level: null, tone: 'ok', servers: null, utilizationPct: null, notice: null, expectedRecoveryAt: null,
    });
  });

  test('the current notice is the newest of the service, and none once resolved', () => {
    const notices = [notice('n1', 'chat', 10), notice('n2', 'video', 20), notice('n3', 'chat', 30, { stage: 'identified' })];
    expect(currentNotice(notices, 'chat')?.id).toBe('n3');
    expect(currentNotice([...notices, notice('n4', 'chat', 40, { stage: 'resolved' })], 'chat')).toBeNull();
  });

  test.each([
    ['normal', 'ok'],
    ['elevated', 'elevated'],
    ['surge', 'high'],
    ['critical', 'critical'],
    ['nonsense', 'ok'],
  ])('level %s has tone %s', (level, tone) => {
    expect(levelTone(level, PLAN.levels)).toBe(tone);
  });
});

describe('incidents from notices', () => {
  test('groups by incident with the stages reached, newest incident first', () => {
    const views = groupIncidents([
      notice('a1', 'chat', 10, { incidentId: 'A' }),
      notice('b1', 'video', 15, { incidentId: 'B' }),
      notice('a3', 'chat', 50, { incidentId: 'A', stage: 'monitoring' }),
      notice('a2', 'chat', 30, { incidentId: 'A', stage: 'identified' }),
      notice('a2b', 'chat', 40, { incidentId: 'A', stage: 'identified' }),
    ]);
    expect(views.map((v) => v.incidentId)).toEqual(['A', 'B']);
    expect(views[0]?.stages).toEqual([
      { stage: 'investigating', t: isoAt(10) },
      { stage: 'identified', t: isoAt(30) },
      { stage: 'monitoring', t: isoAt(50) },
    ]);
    expect(views[0]?.latest.id).toBe('a3');
    expect(views[0]?.openedAt).toBe(isoAt(10));
  });
});

describe('event timeline', () => {
  test('newest first, bounded, stable for equal times', () => {
    const events = [event('chat', 10, 'trigger:pending'), event('chat', 20, 'trigger:firing'), event('chat', 20, 'level:changed'), event('chat', 5, 'scale:decision')];
    expect(timelineEntries(events, 3).map((e) => e.type)).toEqual(['level:changed', 'trigger:firing', 'trigger:pending']);
    expect(eventFamily(events[0]!)).toBe('trigger');
  });
});
