import { describe, expect, test } from 'vitest';
import { buildSummary } from '../../../server/status/statuspage.js';
import type { StatusInput } from '../../../server/status/status-input.js';
import type { Notice } from '../../../server/contracts.js';
import { viewFromSummary } from './from-summary.js';
import { liveFromSnapshot, liveWithCorrection, liveWithNotice, liveWithTicks, viewFromLive } from './from-live.js';
import { isoAt, notice, PLAN, snapshot, tick } from '../test-support/fixtures.js';

/** The server's status API for one service (chat) at a level, shaped as the page reads it. */
function polledStatus(level: string): string | undefined {
  const chat = PLAN.services[0];
  if (chat === undefined) throw new Error('the fixture plan has no services');
  const at = isoAt(0);
  const input: StatusInput = {
    page: { id: 'p', name: PLAN.name, url: 'http://status.test', timeZone: PLAN.timezone, updatedAt: at },
    services: [{ name: chat.name, displayName: chat.displayName, displayNames: chat.displayNames, description: null, level, levels: chat.levels, openAtLevel: chat.openAtLevel, usersFine: false, createdAt: at, updatedAt: at }],
    incidents: [],
    language: 'en',
  };
  return viewFromSummary(buildSummary(input, 'en')).services[0]?.status;
}

const liveStatus = (level: string): string | undefined =>
  viewFromLive(liveWithTicks(liveFromSnapshot(snapshot()), [tick('chat', 20, { level })]), 'en').services.find((s) => s.key === 'chat')?.status;

describe('status page from the socket', () => {
  // Below openAtLevel ('surge' in the fixture plan) nothing is wrong as far as users are told.
  test.each([
    ['normal', 'operational'],
    ['elevated', 'operational'],
    ['surge', 'degraded_performance'],
    ['critical', 'partial_outage'],
    ['not-a-level', 'operational'],
  ])('level %s reads %s live, the same as the status API says', (level, status) => {
    expect(liveStatus(level)).toBe(status);
    expect(polledStatus(level)).toBe(status);
  });

  test.each([
    ['monitoring', {}],
    ['investigating', { precautionary: true as const }],
  ])('while the open incident says users are fine (%s %o) the service reads operational at any level, live as in the status API', (stage, extra) => {
    const fine = notice('n1', 'chat', 15, { stage: stage as Notice['stage'], level: 'critical', expectedRecoveryAt: null, ...extra });
    const live = liveWithNotice(liveWithTicks(liveFromSnapshot(snapshot()), [tick('chat', 20, { level: 'critical' })]), fine);
    expect(viewFromLive(live, 'en').services.find((s) => s.key === 'chat')?.status).toBe('operational');
    const held = liveWithNotice(live, notice('n2', 'chat', 30, { stage: 'identified', level: 'critical' }));
    expect(viewFromLive(held, 'en').services.find((s) => s.key === 'chat')?.status).toBe('partial_outage');
  });

  test('the snapshot gives each service its latest level and the open notices in the viewer language', () => {
    const live = liveFromSnapshot(
      snapshot({
        history: { chat: [tick('chat', 0), tick('chat', 10, { level: 'surge' })], video: [] },
        notices: [notice('n1', 'chat', 5), notice('n2', 'chat', 9, { stage: 'identified' })],
      }),
    );
    const view = viewFromLive(live, 'zh-CN');
    expect(view.services).toEqual([
      { key: 'chat', name: '聊天', status: 'degraded_performance' },
      { key: 'video', name: '视频', status: 'operational' },
    ]);
    expect(view.overall).toBe('degraded');
    expect(view.notices).toHaveLength(1);
    expect(view.notices[0]).toMatchObject({ stage: 'identified', title: '消息延迟', cause: '远程办公用户激增', serviceNames: ['聊天'], expectedDelayMs: 4000 });
  });

  test('notices and ticks update the view; a resolved incident leaves it; an older notice never overwrites a newer one', () => {
    let live = liveFromSnapshot(snapshot({ notices: [notice('n1', 'chat', 10)] }));
    live = liveWithNotice(live, notice('n0', 'chat', 5, { stage: 'monitoring' }));
    expect(viewFromLive(live, 'en').notices[0]?.stage).toBe('investigating');
    live = liveWithTicks(live, [tick('chat', 700, { level: 'critical' })]);
    expect(viewFromLive(live, 'en').overall).toBe('degraded');
    expect(live.updatedAt).toBe(isoAt(700));
    live = liveWithNotice(live, notice('n2', 'chat', 710, { stage: 'resolved' }));
    expect(viewFromLive(live, 'en').notices).toEqual([]);
  });
  test('a corrected notice replaces the text shown, only while it is the latest of its incident', () => {
    const first = notice('n-1', 'chat', 10);
    const live = liveWithNotice(liveFromSnapshot(snapshot()), first);
    const text = { en: { title: 'Corrected', body: 'Fixed wording.' }, 'zh-CN': { title: '已更正', body: '措辞已修正。' } };
    expect(viewFromLive(liveWithCorrection(live, { ...first, text }), 'en').notices[0]?.title).toBe('Corrected');
    const later = liveWithNotice(live, notice('n-2', 'chat', 20));
    expect(liveWithCorrection(later, { ...first, text })).toBe(later);
  });
});
