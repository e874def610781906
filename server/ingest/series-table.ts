/**
 * The per-series state a remote-write receiver keeps, bounded: at most `maxSeries` series,
 * the least recently written evicted first, so one client sending ever new label sets costs
 * a fixed amount of memory.
 *
 * Maps keep insertion order, so the front holds the series placed longest ago. A write only
 * stamps `writtenAt`; moving every written series to the end cost more than the rest of a
 * request. Instead eviction and forgetting look at the front and give a series written since
 * it was placed a second chance: it moves to the end then, at most once per write.
 */
import type { CounterPoint } from './counter-rates.js';

export interface LatestValue {
  /** epoch milliseconds */
  t: number;
  value: number;
  /** spacing of this series' last two samples; 0 until known */
  intervalMs: number;
}

export interface HeldSeries {
  /** when the series was last written, wall epoch milliseconds */
  writtenAt: number;
  /** when the series took its place in the table's order */
  placedAt: number;
  counter: CounterPoint | undefined;
  /** the service-measure groups this series has values in */
  groups: Set<string>;
}

/**
 * A group's latest values, by series key and as a dense list: aggregation reads every value
 * of a touched group on every request, and walking an array costs a few nanoseconds a value
 * where walking a map's entries cost tens.
 */
interface GroupValues {
  byKey: Map<string, LatestValue & { slot: number }>;
  list: LatestValue[];
}

export class SeriesTable {
  private readonly series = new Map<string, HeldSeries>();
  /** group (service and measure) -> its series' latest values */
  private readonly groups = new Map<string, GroupValues>();
  private evicted = 0;

  constructor(readonly maxSeries: number) {}

  get size(): number {
    return this.series.size;
  }

  /** series dropped for the cap since the table was made */
  get evictions(): number {
    return this.evicted;
  }

  /** The series' state, now the most recently written; a new series past the cap evicts the oldest. */
  hold(key: string, now: number): HeldSeries {
    const held = this.series.get(key);
    if (held) {
      held.writtenAt = now;
      return held;
    }
    if (this.series.size >= this.maxSeries) {
      this.evictLeastRecentlyWritten(now);
      this.evicted++;
    }
    const fresh: HeldSeries = { writtenAt: now, placedAt: now, counter: undefined, groups: new Set() };
    this.series.set(key, fresh);
    return fresh;
  }

  latest(group: string, key: string): LatestValue | undefined {
    return this.groups.get(group)?.byKey.get(key);
  }

  /** Records the series' latest value in the group, updating the one it had in place. */
  setLatest(group: string, key: string, held: HeldSeries, t: number, value: number, intervalMs: number): void {
    let values = this.groups.get(group);
    if (!values) {
      values = { byKey: new Map(), list: [] };
      this.groups.set(group, values);
    }
    const latest = values.byKey.get(key);
    if (latest) {
      latest.t = t;
      latest.value = value;
      latest.intervalMs = intervalMs;
      return;
    }
    const fresh = { t, value, intervalMs, slot: values.list.length };
    values.byKey.set(key, fresh);
    values.list.push(fresh);
    held.groups.add(group);
  }

  groupValues(group: string): readonly LatestValue[] {
    return this.groups.get(group)?.list ?? [];
  }

  /** Forgets series last written before `oldest` (wall epoch ms). */
  forgetWrittenBefore(oldest: number, now: number): void {
    for (const [key, held] of this.series) {
      // everything behind was placed later still, so written since `oldest`
      if (held.placedAt >= oldest) return;
      if (held.writtenAt < oldest) this.drop(key, held);
      else this.moveToEnd(key, held, now);
    }
  }

  private evictLeastRecentlyWritten(now: number): void {
    for (const [key, held] of this.series) {
      if (held.writtenAt <= held.placedAt) {
        this.drop(key, held);
        return;
      }
      this.moveToEnd(key, held, now);
    }
  }

  private moveToEnd(key: string, held: HeldSeries, now: number): void {
    this.series.delete(key);
    held.placedAt = now;
    this.series.set(key, held);
  }

  private drop(key: string, held: HeldSeries): void {
    this.series.delete(key);
    for (const group of held.groups) {
      const values = this.groups.get(group);
      const gone = values?.byKey.get(key);
      if (!values || !gone) continue;
      values.byKey.delete(key);
      // the last value takes the slot of the one dropped
      const last = values.list.pop() as LatestValue & { slot: number };
      if (last !== gone) {
        last.slot = gone.slot;
        values.list[gone.slot] = last;
      }
      if (values.list.length === 0) this.groups.delete(group);
    }
  }
}
