import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { appendToSeries, horizontalLine, SERIES_KEYS, shapeTicks } from './series.js';
import { triggerMarks, marksInRange } from './trigger-marks.js';
import { alignedTicks, timeStep } from './time-axis.js';
import { appendAll, emptyBuffer } from '../store/bounded-buffer.js';
import { event, isoAt, T0, tick } from '../test-support/fixtures.js';

describe('tick -> chart points', () => {
  test('every series gets one {x, y} point per tick at the tick time', () => {
    const series = shapeTicks([
      tick('chat', 0, { demandRps: 120, capacityRps: 150, baselineRps: 90, throttledRps: 3, droppedRps: 1, latencyMs: 900, backlog: 40 }),
      tick('chat', 10, { servers: { standby: 2, provisioning: 3, starting: 4, active: 5, draining: 1 } }),
    ]);
    expect(series.demand).toEqual([{ x: T0, y: 120 }, { x: T0 + 10_000, y: 100 }]);
    expect(series.capacity[0]).toEqual({ x: T0, y: 150 });
    expect(series.baseline[0]?.y).toBe(90);
    expect(series.throttled[0]?.y).toBe(3);
    expect(series.dropped[0]?.y).toBe(1);
    expect(series.latency[0]?.y).toBe(900);
    expect(series.backlog[0]?.y).toBe(40);
    expect([series.active[1]?.y, series.starting[1]?.y, series.provisioning[1]?.y, series.standby[1]?.y]).toEqual([5, 4, 3, 2]);
  });

  test('a tick with an unparseable time is skipped and non-finite values become 0', () => {
    const series = shapeTicks([tick('chat', 0, { t: 'garbage' }), tick('chat', 10, { latencyMs: Number.NaN })]);
    expect(series.latency).toEqual([{ x: T0 + 10_000, y: 0 }]);
  });

  test.prop([fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 25 })])(
    'appending in place stays equal to shaping the bounded buffer from scratch',
    (capacity, batchSizes) => {
      let buffer = emptyBuffer<ReturnType<typeof tick>>(capacity);
      const series = shapeTicks([]);
      let second = 0;
      for (const size of batchSizes) {
        const added = Array.from({ length: size }, () => tick('chat', (second += 10)));
        const next = appendAll(buffer, added);
        buffer = next.buffer;
        appendToSeries(series, added, next.dropped);
      }
      const expected = shapeTicks(buffer.items);
      for (const key of SERIES_KEYS) expect(series[key]).toEqual(expected[key]);
    },
  );

  test('the SLO line spans the data', () => {
    expect(horizontalLine([{ x: 1, y: 5 }, { x: 9, y: 7 }], 300)).toEqual([{ x: 1, y: 300 }, { x: 9, y: 300 }]);
    expect(horizontalLine([], 300)).toEqual([]);
  });
});

describe('trigger marks from events', () => {
  test('one mark per trigger:firing of the service, in time order, with its level', () => {
    const marks = triggerMarks(
      [
        event('chat', 60, 'trigger:firing', { data: { level: 'critical' } }),
        event('chat', 30, 'trigger:firing', { data: { level: 'surge' } }),
        event('chat', 30, 'trigger:firing', { data: { level: 'surge' } }),
        event('chat', 40, 'trigger:pending'),
        event('video', 50, 'trigger:firing'),
      ],
      'chat',
    );
    expect(marks.map((m) => [m.x, m.level])).toEqual([
      [Date.parse(isoAt(30)), 'surge'],
      [Date.parse(isoAt(60)), 'critical'],
    ]);
  });

  test('marks outside the plotted span are left out', () => {
    const marks = triggerMarks([event('chat', 10, 'trigger:firing'), event('chat', 100, 'trigger:firing')], 'chat');
    expect(marksInRange(marks, T0 + 50_000, T0 + 200_000).map((m) => m.x)).toEqual([T0 + 100_000]);
    expect(marks[0]?.level).toBeNull();
  });
});

describe('time axis steps', () => {
  test.each([
    [60_000, 10_000],
    [30 * 60_000, 5 * 60_000],
    [2 * 3_600_000, 30 * 60_000],
    [12 * 3_600_000, 2 * 3_600_000],
    [13 * 3_600_000, 3 * 3_600_000],
    [0, 10_000],
  ])('a %d ms range steps by %d ms', (range, step) => {
    expect(timeStep(range)).toBe(step);
  });

  test.prop([fc.integer({ min: 1, max: 400 * 86_400_000 })])('never more than 6 labels', (range) => {
    expect(range / timeStep(range)).toBeLessThanOrEqual(6);
  });
});

describe('aligned axis ticks', () => {
  test('fall on whole multiples of the step inside the range', () => {
    expect(alignedTicks(61_000, 400_000, 120_000)).toEqual([120_000, 240_000, 360_000]);
    expect(alignedTicks(0, 0, 60_000)).toEqual([0]);
    expect(alignedTicks(5, 1, 60_000)).toEqual([]);
  });
});
