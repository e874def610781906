import { describe, expect, test } from 'vitest';
import { componentStatusForLevel, liveFromSnapshot, liveWithNotice, liveWithTicks, viewFromLive } from './from-live.js';
import { isoAt, notice, snapshot, tick } from '../test-support/fixtures.js';

const LEVELS = ['normal', 'elevated', 'surge', 'critical'];

describe('status page from the socket', () => {
  test.each([
    ['normal', LEVELS, 'operational'],
    ['elevated', LEVELS, 'degraded_performance'],
    ['surge', LEVELS, 'partial_outage'],
    ['critical', LEVELS, 'major_outage'],
    ['unknown', LEVELS, 'operational'],
    ['surge', ['normal', 'surge'], 'major_outage'],
    ['elevated', ['normal', 'elevated', 'critical'], 'partial_outage'],
  ] as const)('level %s of %o is %s', (level, levels, status) => {
    expect(componentStatusForLevel(level, levels)).toBe(status);
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
      { key: 'chat', name: 'Chat', status: 'partial_outage' },
      { key: 'video', name: 'Video', status: 'operational' },
    ]);
    expect(view.overall).toBe('degraded');
    expect(view.notices).toHaveLength(1);
    expect(view.notices[0]).toMatchObject({ stage: 'identified', title: '消息延迟', cause: '远程办公用户激增', serviceNames: ['Chat'], expectedDelayMs: 4000 });
  });

  test('notices and ticks update the view; a resolved incident leaves it; an older notice never overwrites a newer one', () => {
    let live = liveFromSnapshot(snapshot({ notices: [notice('n1', 'chat', 10)] }));
    live = liveWithNotice(live, notice('n0', 'chat', 5, { stage: 'monitoring' }));
    expect(viewFromLive(live, 'en').notices[0]?.stage).toBe('investigating');
    live = liveWithTicks(live, [tick('chat', 700, { level: 'critical' })]);
    expect(viewFromLive(live, 'en').overall).toBe('down');
    expect(live.updatedAt).toBe(isoAt(700));
    live = liveWithNotice(live, notice('n2', 'chat', 710, { stage: 'resolved' }));
    expect(viewFromLive(live, 'en').notices).toEqual([]);
  });
});
