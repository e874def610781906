/**
 * The per-series state a remote-write receiver keeps, bounded: at most `maxSeries` series,
 * the least recently written evicted first, so one client sending ever new label sets costs
 * a fixed amount of memory. Maps keep insertion order, and a write moves its series to the
 * end, so both eviction and forgetting silent series look only at the front.
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
  counter: CounterPoint | undefined;
  /** the service-measure groups this series has values in */
  groups: Set<string>;
}

export class SeriesTable {
  private readonly series = new Map<string, HeldSeries>();
  /** group (service and measure) -> series key -> latest value */
  private readonly groups = new Map<string, Map<string, LatestValue>>();
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
      this.series.delete(key);
      held.writtenAt = now;
      this.series.set(key, held);
      return held;
    }
    if (this.series.size >= this.maxSeries) {
      this.dropOldest();
      this.evicted++;
    }
    const fresh: HeldSeries = { writtenAt: now, counter: undefined, groups: new Set() };
    this.series.set(key, fresh);
    return fresh;
  }

  latest(group: string, key: string): LatestValue | undefined {
    return this.groups.get(group)?.get(key);
  }

  setLatest(group: string, key: string, held: HeldSeries, value: LatestValue): void {
    let values = this.groups.get(group);
    if (!values) {
      values = new Map();
      this.groups.set(group, values);
    }
    values.set(key, value);
    held.groups.add(group);
  }

  groupValues(group: string): Iterable<LatestValue> {
    return this.groups.get(group)?.values() ?? [];
  }

  /** Forgets series last written before `oldest` (wall epoch ms); the front of the map is the oldest. */
  forgetWrittenBefore(oldest: number): void {
    for (const held of this.series.values()) {
      if (held.writtenAt >= oldest) return;
      this.dropOldest();
    }
  }

  private dropOldest(): void {
    const first = this.series.entries().next();
    if (first.done) return;
    const [key, held] = first.value;
    this.series.delete(key);
    for (const group of held.groups) {
      const values = this.groups.get(group);
      values?.delete(key);
      if (values?.size === 0) this.groups.delete(group);
    }
  }
}
