import { describe, expect, test as plainTest } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import {
  applyDrillStatus,
  applyEvent,
  applyNotice,
  applySnapshot,
  applyTickBatch,
  emptyLiveState,
  TICK_CAPACITY,
} from './live-store.js';
import { drill, event, notice, snapshot, tick } from '../test-support/fixtures.js';

const times = (ticks: { t: string }[]): string[] => ticks.map((t) => t.t);

describe('live store', () => {
  plainTest('a snapshot replaces the buffers and asks for a full redraw', () => {
    const { state, ticks } = applySnapshot(emptyLiveState(), snapshot(), 5);
    expect(ticks).toEqual({ kind: 'reset' });
    expect(state.ticks.chat?.items).toHaveLength(2);
    expect(state.lastDataAt).toBe(5);
    expect(state.drillId).toBe('d1');
  });

  plainTest('ticks after the snapshot append; overlapping ones are not duplicated', () => {
    const first = applySnapshot(emptyLiveState(), snapshot(), 1).state;
    const { state, ticks } = applyTickBatch(first, { drillId: 'd1', ticks: [tick('chat', 10), tick('chat', 20), tick('video', 10)] }, 2);
    expect(times(state.ticks.chat?.items ?? [])).toEqual([tick('chat', 0).t, tick('chat', 10).t, tick('chat', 20).t]);
    expect(ticks).toEqual({
      kind: 'append',
      services: { chat: { added: [tick('chat', 20)], dropped: 0 }, video: { added: [tick('video', 10)], dropped: 0 } },
    });
  });

  plainTest('a reconnect snapshot replaces what was there; pushes held meanwhile append only what is newer', () => {
    let state = applySnapshot(emptyLiveState(), snapshot(), 1).state;
    state = applyTickBatch(state, { drillId: 'd1', ticks: [tick('chat', 20), tick('chat', 900)] }, 2).state;
    const reconnect = snapshot({ history: { chat: [tick('chat', 10), tick('chat', 20)], video: [] } });
    state = applySnapshot(state, reconnect, 3).state;
    expect(times(state.ticks.chat?.items ?? [])).toEqual([tick('chat', 10).t, tick('chat', 20).t]);
    expect(state.ticks.video?.items).toEqual([]);
    state = applyTickBatch(state, { drillId: 'd1', ticks: [tick('chat', 20), tick('chat', 30)] }, 4).state;
    expect(times(state.ticks.chat?.items ?? [])).toEqual([tick('chat', 10).t, tick('chat', 20).t, tick('chat', 30).t]);
  });

  plainTest('ticks of a new drill reset the buffers even though their clock starts earlier', () => {
    let state = applySnapshot(emptyLiveState(), snapshot(), 1).state;
    const update = applyTickBatch(state, { drillId: 'd2', ticks: [tick('chat', 0)] }, 2);
    state = update.state;
    expect(update.ticks).toEqual({ kind: 'reset' });
    expect(state.ticks.chat?.items).toEqual([tick('chat', 0)]);
    expect(state.ticks.video).toBeUndefined();
  });

  plainTest('a drill status for a new drill resets, for the same drill only updates', () => {
    const state = applySnapshot(emptyLiveState(), snapshot(), 1).state;
    const same = applyDrillStatus(state, drill('d1', { status: 'finished' }), 2);
    expect(same.ticks).toEqual({ kind: 'none' });
    expect(same.state.drill?.status).toBe('finished');
    expect(same.state.ticks.chat?.items).toHaveLength(2);
    const other = applyDrillStatus(state, drill('d2'), 3);
    expect(other.ticks).toEqual({ kind: 'reset' });
    expect(other.state.ticks).toEqual({});
  });

  plainTest('events are appended once, even when the snapshot already had them', () => {
    const firing = event('chat', 30, 'trigger:firing');
    let state = applySnapshot(emptyLiveState(), snapshot({ events: [firing] }), 1).state;
    state = applyEvent(state, { ...firing, drillId: 'd1' }, 2).state;
    state = applyEvent(state, { ...event('chat', 40, 'level:changed'), drillId: 'd1' }, 3).state;
    expect(state.events.items.map((e) => e.type)).toEqual(['trigger:firing', 'level:changed']);
    expect(state.events.items[0]).not.toHaveProperty('drillId');
  });

  plainTest('a notice with a known id replaces the old version in place', () => {
    let state = applySnapshot(emptyLiveState(), snapshot({ notices: [notice('n1', 'chat', 30)] }), 1).state;
    state = applyNotice(state, { ...notice('n1', 'chat', 30, { stage: 'identified' }), drillId: 'd1' }, 2).state;
    state = applyNotice(state, { ...notice('n2', 'chat', 60), drillId: null }, 3).state;
    expect(state.notices.items.map((n) => [n.id, n.stage])).toEqual([
      ['n1', 'identified'],
      ['n2', 'investigating'],
    ]);
  });

  test.prop([fc.array(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 40 }), { maxLength: 60 })])(
    'tick buffers stay bounded, strictly increasing in time and duplicate-free whatever arrives',
    (batches) => {
      let state = applySnapshot(emptyLiveState(), snapshot(), 0).state;
      for (const seconds of batches) {
        state = applyTickBatch(state, { drillId: 'd1', ticks: seconds.map((s) => tick('chat', s * 10)) }, 1).state;
      }
      const ms = (state.ticks.chat?.items ?? []).map((t) => Date.parse(t.t));
      expect(ms.length).toBeLessThanOrEqual(TICK_CAPACITY);
      for (let i = 1; i < ms.length; i++) expect(ms[i]).toBeGreaterThan(ms[i - 1] ?? Number.NEGATIVE_INFINITY);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    },
  );
});
