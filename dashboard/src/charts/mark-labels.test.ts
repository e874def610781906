import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { placeLabels } from './mark-labels.js';

describe('placeLabels', () => {
  test('labels far apart share the first row', () => {
    expect(placeLabels([10, 200], [50, 50], 600)).toEqual([
      { x: 13, row: 0 },
      { x: 203, row: 0 },
    ]);
  });

  test('close marks take the next row; a third with no room is left out', () => {
    expect(placeLabels([10, 30, 50], [50, 50, 50], 600)).toEqual([{ x: 13, row: 0 }, { x: 33, row: 1 }, null]);
  });

  test('marks at the right edge are pulled inside the chart and do not pile up', () => {
    expect(placeLabels([590, 595, 598], [50, 50, 50], 600)).toEqual([{ x: 550, row: 0 }, { x: 550, row: 1 }, null]);
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 10, max: 80 })), { maxLength: 30 }), fc.integer({ min: 1, max: 3 })])(
    'placed labels never overlap in a row and never cross the right edge',
    (marks, rows) => {
      const sorted = [...marks].sort((a, b) => a[0] - b[0]);
      const slots = placeLabels(sorted.map((m) => m[0]), sorted.map((m) => m[1]), 600, rows);
      const placed = slots.flatMap((slot, i) => (slot === null ? [] : [{ ...slot, end: slot.x + (sorted[i]?.[1] ?? 0) }]));
      for (const a of placed) {
        expect(a.end).toBeLessThanOrEqual(600);
        expect(a.row).toBeLessThan(rows);
        for (const b of placed) if (a !== b && a.row === b.row) expect(a.end <= b.x || b.end <= a.x).toBe(true);
      }
    },
  );
});
