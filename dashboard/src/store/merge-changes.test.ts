import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { mergeTickChanges } from './merge-changes.js';
import { applySnapshot, applyTickBatch, emptyLiveState, type TickChange } from './live-store.js';
import { appendToSeries, shapeTicks, SERIES_KEYS } from '../charts/series.js';
import { snapshot, tick } from '../test-support/fixtures.js';

describe('merging tick changes between frames', () => {
  test('a reset anywhere wins; none is neutral', () => {
    const append: TickChange = { kind: 'append', services: { chat: { added: [tick('chat', 1)], dropped: 0 } } };
    expect(mergeTickChanges(append, { kind: 'reset' })).toEqual({ kind: 'reset' });
    expect(mergeTickChanges({ kind: 'reset' }, append)).toEqual({ kind: 'reset' });
    expect(mergeTickChanges({ kind: 'none' }, append)).toBe(append);
    expect(mergeTickChanges(append, { kind: 'none' })).toBe(append);
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 12 })])(
    'series updated once with the merged change equal series shaped from the final buffer',
    (batchSizes) => {
      let state = applySnapshot(emptyLiveState(), snapshot(), 0).state;
      const series = shapeTicks(state.ticks.chat?.items ?? []);
      let merged: TickChange = { kind: 'none' };
      let second = 10;
      for (const size of batchSizes) {
        const ticks = Array.from({ length: size }, () => tick('chat', (second += 10)));
        const update = applyTickBatch(state, { drillId: 'd1', ticks }, 1);
        state = update.state;
        merged = mergeTickChanges(merged, update.ticks);
      }
      if (merged.kind !== 'append') throw new Error('expected an append');
      const change = merged.services.chat;
      appendToSeries(series, change?.added ?? [], change?.dropped ?? 0);
      const expected = shapeTicks(state.ticks.chat?.items ?? []);
      for (const key of SERIES_KEYS) expect(series[key]).toEqual(expected[key]);
    },
  );
});
