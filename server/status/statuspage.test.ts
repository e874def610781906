import { describe, expect, it } from 'vitest';
import { statusFixture } from '../../test/schemas/status-fixture.js';
import { operatorNoticeId } from './operator-notice-id.js';
import type { IncidentStage } from '../core/plan/types.js';
import { buildComponents, buildIncidents, buildStatus, buildSummary, buildUnresolved, MAX_INCIDENTS } from './statuspage.js';

describe('Statuspage documents', () => {
  it('one component per service, in order, its status from its level', () => {
    const { components } = buildComponents(statusFixture(), 'en');
    expect(components.map((c) => [c.id, c.name, c.status, c.position])).toEqual([
      ['messaging', 'Messaging', 'partial_outage', 1],
      ['video', 'Video meetings', 'operational', 2],
    ]);
  });

  it('a service whose open incident says users are fine reads operational at any level, and the page with it', () => {
    const fixture = statusFixture();
    const fine = { ...fixture, services: fixture.services.map((s) => (s.name === 'messaging' ? { ...s, usersFine: true } : s)) };
    expect(buildComponents(fine, 'en').components.map((c) => c.status)).toEqual(['operational', 'operational']);
    expect(buildStatus(fine, 'en').status.indicator).toBe('none');
  });

  it('the page indicator is the worst component, described in the language asked', () => {
    expect(buildStatus(statusFixture(), 'en').status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(buildStatus(statusFixture(), 'zh-CN').status.description).toBe('部分系统中断');
    const calm = { ...statusFixture(), services: statusFixture().services.map((s) => ({ ...s, level: 'normal' })) };
    expect(buildStatus(calm, 'en').status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
  });

  it('incidents newest first; updates newest first with the status transitions', () => {
    const { incidents } = buildIncidents(statusFixture(), 'en');
    expect(incidents.map((i) => i.id)).toEqual(['inc-messaging-1', 'inc-video-1']);
    const video = incidents[1]!;
    expect(video.incident_updates.map((u) => [u.status, u.affected_components[0]?.old_status, u.affected_components[0]?.new_status])).toEqual([
      // "monitoring" says users are back to normal speed: the component says so too
      ['resolved', 'operational', 'operational'],
      ['monitoring', 'degraded_performance', 'operational'],
      ['identified', 'degraded_performance', 'degraded_performance'],
      ['investigating', 'operational', 'degraded_performance'],
    ]);
    expect(video).toMatchObject({
      status: 'resolved',
      impact: 'minor',
      name: 'video is slower than usual',
      monitoring_at: '2020-02-02T02:30:00.000Z',
      resolved_at: '2020-02-02T03:00:00.000Z',
      shortlink: 'https://status.example.com/incidents/inc-video-1',
    });
  });

  it('an update carries cause, delay, recovery, next update and every translation', () => {
    const [messaging] = buildIncidents(statusFixture(), 'zh-CN').incidents;
    const latest = messaging!.incident_updates[0]!;
    expect(latest).toMatchObject({
      id: 'n-m-2',
      status: 'identified',
      body: '消息可能延迟送达（identified）。',
      cause: '九点开会高峰（流量为平时 10 倍）',
      expected_delay_ms: 4200,
      expected_recovery_at: '2020-02-03T03:00:00.000Z',
      next_update_at: '2020-02-03T01:30:00.000Z',
      custom_tweet: null,
      tweet_id: null,
    });
    expect(latest.translations.en.title).toBe('messaging is slower than usual');
    expect(messaging!.impact).toBe('major');
  });

  it("an incident's impact is the worst its users got: precautions count as no impact", () => {
    const fixture = statusFixture();
    const messaging = fixture.incidents.find((i) => i.id === 'inc-messaging-1')!;
    const precautions = { ...messaging, notices: messaging.notices.map((n) => ({ ...n, precautionary: true as const })) };
    const impactWith = (incident: typeof messaging) =>
      buildIncidents({ ...fixture, incidents: [incident] }, 'en').incidents[0]!.impact;
    expect(impactWith(messaging)).toBe('major');
    expect(impactWith(precautions)).toBe('none');
    // a precaution at a high level, then users held up at a lower one
    const [first, second] = messaging.notices;
    expect(impactWith({ ...messaging, notices: [{ ...second!, precautionary: true as const }, { ...first!, t: '2020-02-03T01:10:00.000Z' }] })).toBe('minor');
  });

  it('an incident that began as a precaution is named by its first notice that held users up', () => {
    const fixture = statusFixture();
    const messaging = fixture.incidents.find((i) => i.id === 'inc-messaging-1')!;
    const [first, second] = messaging.notices;
    const precaution = { ...first!, precautionary: true as const, text: { en: { title: 'Messaging: high demand, no delays so far', body: '' }, 'zh-CN': { title: '消息：需求高，暂无延迟', body: '' } } };
    const nameWith = (notices: (typeof messaging)['notices']) => buildIncidents({ ...fixture, incidents: [{ ...messaging, notices }] }, 'en').incidents[0]!.name;
    expect(nameWith([precaution])).toBe('Messaging: high demand, no delays so far');
    expect(nameWith([precaution, second!])).toBe(second!.text.en.title);
  });

  it("notices of one tick read in the order published: the engine's by number, then operators' as posted", () => {
    const fixture = statusFixture();
    const messaging = fixture.incidents.find((i) => i.id === 'inc-messaging-1')!;
    const template = messaging.notices[1]!;
    const at = (id: string, stage: IncidentStage) => ({ ...template, id, stage, t: '2020-02-03T01:10:00.000Z' });
    const notices = [
      at(operatorNoticeId(2_000), 'monitoring'),
      at('inc-messaging-1-10', 'monitoring'),
      at(operatorNoticeId(1_000), 'identified'),
      at('inc-messaging-1-9', 'identified'),
    ];
    const updates = buildIncidents({ ...fixture, incidents: [{ ...messaging, notices }] }, 'en').incidents[0]!.incident_updates;
    // newest first
    expect(updates.map((u) => u.id).slice(0, 4)).toEqual([notices[0]!.id, notices[2]!.id, 'inc-messaging-1-10', 'inc-messaging-1-9']);
  });

  it('unresolved and the summary leave resolved incidents out', () => {
    expect(buildUnresolved(statusFixture(), 'en').incidents.map((i) => i.id)).toEqual(['inc-messaging-1']);
    const summary = buildSummary(statusFixture(), 'en');
    expect(summary.incidents.map((i) => i.id)).toEqual(['inc-messaging-1']);
    expect(summary.scheduled_maintenances).toEqual([]);
  });

  it(`incidents.json holds the ${MAX_INCIDENTS} most recent`, () => {
    const base = statusFixture();
    const template = base.incidents[0]!;
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      id: `inc-${i}`,
      openedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    }));
    const { incidents } = buildIncidents({ ...base, incidents: many }, 'en');
    expect(incidents).toHaveLength(MAX_INCIDENTS);
    expect(incidents[0]?.id).toBe('inc-59');
  });

  it('the same input gives byte-identical documents', () => {
    expect(JSON.stringify(buildSummary(statusFixture(), 'en'))).toBe(JSON.stringify(buildSummary(statusFixture(), 'en')));
  });
});
