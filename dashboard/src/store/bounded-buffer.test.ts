import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { appendAll, emptyBuffer, lastItem, replaceAll } from './bounded-buffer.js';

describe('bounded buffer', () => {
  test.prop([fc.integer({ min: 1, max: 50 }), fc.array(fc.array(fc.integer(), { maxLength: 30 }), { maxLength: 20 })])(
    'never holds more than its capacity and keeps the newest items in order',
    (capacity, batches) => {
      let buffer = emptyBuffer<number>(capacity);
      let dropped = 0;
      for (const batch of batches) {
        const next = appendAll(buffer, batch);
        buffer = next.buffer;
        dropped += next.dropped;
      }
      const all = batches.flat();
      expect(buffer.items.length).toBeLessThanOrEqual(capacity);
      expect(buffer.items).toEqual(all.slice(Math.max(0, all.length - capacity)));
      expect(dropped).toBe(all.length - buffer.items.length);
    },
  );

  test.prop([fc.integer({ min: 1, max: 20 }), fc.array(fc.integer(), { maxLength: 60 })])('replaceAll keeps the newest items only', (capacity, items) => {
    const buffer = replaceAll(appendAll(emptyBuffer<number>(capacity), [1, 2, 3]).buffer, items);
    expect(buffer.items).toEqual(items.slice(Math.max(0, items.length - capacity)));
  });

  test('appending nothing returns the same buffer', () => {
    const buffer = emptyBuffer<number>(3);
    expect(appendAll(buffer, []).buffer).toBe(buffer);
  });

  test('round-trips through JSON', () => {
    const buffer = appendAll(emptyBuffer<number>(2), [1, 2, 3]).buffer;
    expect(JSON.parse(JSON.stringify(buffer))).toEqual(buffer);
    expect(lastItem(buffer)).toBe(3);
  });

  test('rejects a capacity that is not a positive integer', () => {
    expect(() => emptyBuffer(0)).toThrow(RangeError);
  });
});
