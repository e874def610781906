/**
 * A clock that moves only when told: `advance(ms)` moves the time and fires the intervals
 * that fall due on the way, in order, unless it holds its timers (then intervals never fire
 * and whoever set them drives the work by hand, as app tests do with `runner.tick()`).
 * For tests and benches that must not wait on the wall.
 */
import type { Clock } from './clock.js';

interface Interval {
  fn: () => void;
  every: number;
  next: number;
}

export class ManualClock implements Clock {
  private t: number;
  private readonly intervals = new Map<number, Interval>();
  private nextHandle = 1;

  constructor(start: number | string = '2020-02-03T00:00:00Z', private readonly options: { holdTimers?: boolean } = {}) {
    this.t = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.t;
  }

  setInterval(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.intervals.set(handle, { fn, every: Math.max(ms, 1), next: this.t + Math.max(ms, 1) });
    return handle;
  }

  clearInterval(handle: unknown): void {
    this.intervals.delete(handle as number);
  }

  /** Move time forward by `ms`, firing each interval as often as it falls due. */
  advance(ms: number): void {
    const end = this.t + ms;
    while (this.options.holdTimers !== true) {
      const due = [...this.intervals.entries()].filter(([, i]) => i.next <= end).sort(([, a], [, b]) => a.next - b.next)[0];
      if (!due) break;
      const [, interval] = due;
      this.t = interval.next;
      interval.next += interval.every;
      interval.fn();
    }
    this.t = end;
  }

  /** Intervals waiting to fire (for tests that check a timer was set or cleared). */
  get pendingIntervals(): number {
    return this.intervals.size;
  }
}
