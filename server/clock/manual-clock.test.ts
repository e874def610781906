import { describe, expect, test } from 'vitest';
import { ManualClock } from './manual-clock.js';
import { isoNow } from './clock.js';

describe('ManualClock', () => {
  test('time moves only when the test moves it', () => {
    const clock = new ManualClock('2020-02-03T09:00:00Z');
    expect(isoNow(clock)).toBe('2020-02-03T09:00:00.000Z');
    expect(isoNow(clock)).toBe('2020-02-03T09:00:00.000Z');
    clock.advance(1500);
    expect(isoNow(clock)).toBe('2020-02-03T09:00:01.500Z');
  });

  test('intervals fire in order as time passes them, each at its own time', () => {
    const clock = new ManualClock(0);
    const fired: [string, number][] = [];
    clock.setInterval(() => fired.push(['a', clock.now()]), 300);
    const b = clock.setInterval(() => fired.push(['b', clock.now()]), 500);
    clock.advance(1000);
    expect(fired).toEqual([['a', 300], ['b', 500], ['a', 600], ['a', 900], ['b', 1000]]);
    clock.clearInterval(b);
    clock.advance(500);
    expect(fired.slice(5)).toEqual([['a', 1200], ['a', 1500]]);
    expect(clock.now()).toBe(1500);
  });

  test('a clock that holds its timers never fires them', () => {
    const clock = new ManualClock(0, { holdTimers: true });
    let fired = 0;
    clock.setInterval(() => { fired++; }, 10);
    clock.advance(1000);
    expect(fired).toBe(0);
    expect(clock.pendingIntervals).toBe(1);
    expect(clock.now()).toBe(1000);
  });
});
