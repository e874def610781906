import type { ServiceSample } from '../core/engine/types.js';

/**
 * Collects what arrives between two ticks: weighted requests to the traffic target and the
 * latest metric samples per service, and turns them into the tick's samples.
 *
 * Traffic is measured over a trailing window of at least one wall second, not over the tick
 * alone: a compressed drill ticks every few hundred milliseconds, and a load generator's
 * arrivals over so short a span are lumpy enough to swing the measured rate by a quarter
 * from one tick to the next.
 */
export class DemandMeter {
  private counts = new Map<string, number>();
  private latest = new Map<string, ServiceSample>();
  /** per service, the counts of recent ticks with the wall time each tick began */
  private recent = new Map<string, { from: number; count: number }[]>();
  private lastTickAt: number | null = null;

  constructor(private readonly windowMs = 1000) {}

  countRequest(service: string, weight: number): void {
    this.counts.set(service, (this.counts.get(service) ?? 0) + weight);
  }

  recordSample(service: string, sample: ServiceSample): void {
    this.latest.set(service, sample);
  }

  /**
   * Requests per wall second over the trailing window ending at `now` (wall ms), which
   * spans at least the tick just ended (`tickMs`).
   */
  takeTraffic(services: readonly string[], now: number, tickMs: number): Record<string, ServiceSample> {
    const from = this.lastTickAt ?? now - tickMs;
    this.lastTickAt = now;
    const out: Record<string, ServiceSample> = {};
    for (const name of services) {
      // keep whole ticks that began within the window, and always the tick just ended
      const list = (this.recent.get(name) ?? []).filter((e) => e.from >= now - this.windowMs);
      list.push({ from, count: this.counts.get(name) ?? 0 });
      this.recent.set(name, list);
      // never shorter than a tick: ticks driven by hand (tests) may come back to back
      const span = Math.max(now - (list[0] as { from: number }).from, tickMs);
      const total = list.reduce((sum, e) => sum + e.count, 0);
      out[name] = { rps: span > 0 ? total / (span / 1000) : 0 };
    }
    this.counts.clear();
    return out;
  }

  /**
   * The latest metric samples, scaled: a rate measured from a load generator whose every
   * request stands for `scale` users' requests. A service that reported nothing keeps its
   * last rate, as a gauge would, rather than dropping to zero between pushes.
   */
  takeMetrics(services: readonly string[], scale: number): Record<string, ServiceSample> {
    const out: Record<string, ServiceSample> = {};
    for (const name of services) {
      const s = this.latest.get(name);
      out[name] = s ? { ...s, rps: s.rps * scale } : { rps: 0 };
    }
    return out;
  }
}
