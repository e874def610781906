import type { ServiceSample } from '../core/engine/types.js';

/**
 * Collects what arrives between two ticks: weighted requests to the traffic target and the
 * latest metric samples per service. take() turns it into the tick's samples and starts over.
 */
export class DemandMeter {
  private counts = new Map<string, number>();
  private latest = new Map<string, ServiceSample>();

  countRequest(service: string, weight: number): void {
    this.counts.set(service, (this.counts.get(service) ?? 0) + weight);
  }

  recordSample(service: string, sample: ServiceSample): void {
    this.latest.set(service, sample);
  }

  /** Traffic counted per wall second over the tick just ended. */
  takeTraffic(services: readonly string[], wallSeconds: number): Record<string, ServiceSample> {
    const out: Record<string, ServiceSample> = {};
    for (const name of services) out[name] = { rps: (this.counts.get(name) ?? 0) / wallSeconds };
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
