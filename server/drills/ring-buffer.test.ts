import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';

describe('RingBuffer.replace', () => {
  it('replaces matching items in place, after wrapping too, and reports how many', () => {
    const ring = new RingBuffer<{ id: number; v: string }>(3);
    for (let id = 1; id <= 4; id++) ring.push({ id, v: 'old' });
    expect(ring.replace((x) => x.id === 3, { id: 3, v: 'new' })).toBe(1);
    expect(ring.replace((x) => x.id === 1, { id: 1, v: 'gone' })).toBe(0);
    expect(ring.toArray()).toEqual([{ id: 2, v: 'old' }, { id: 3, v: 'new' }, { id: 4, v: 'old' }]);
  });
});
