/**
 * Demand an instance counts for a drill another instance drives: requests to the traffic
 * target and metric samples, gathered and sent to the driver a few times a second, so the
 * drill sees the traffic every instance behind the load balancer receives.
 */
import type { Clock } from '../clock/clock.js';
import type { ServiceSample } from '../core/engine/types.js';
import type { ClusterBus } from './cluster-bus.js';

/** well under a wall tick at the fastest speed the drill's demand window (1 s) allows for */
const SEND_EVERY_MS = 100;

export class DemandRelay {
  private drillId: string | null = null;
  private counts: Record<string, number> = {};
  private samples: Record<string, ServiceSample> = {};
  private pending = false;
  private readonly handle: unknown;

  constructor(private readonly bus: ClusterBus, private readonly instance: string, private readonly clock: Clock) {
    this.handle = clock.setInterval(() => this.send(), SEND_EVERY_MS);
  }

  count(drillId: string, service: string, weight: number): void {
    this.switchTo(drillId);
    this.counts[service] = (this.counts[service] ?? 0) + weight;
    this.pending = true;
  }

  sample(drillId: string, service: string, sample: ServiceSample): void {
    this.switchTo(drillId);
    this.samples[service] = sample;
    this.pending = true;
  }

  close(): void {
    this.send();
    this.clock.clearInterval(this.handle);
  }

  /** what was counted for a drill that has since ended is not the next drill's demand */
  private switchTo(drillId: string): void {
    if (this.drillId === drillId) return;
    this.drillId = drillId;
    this.counts = {};
    this.samples = {};
  }

  private send(): void {
    if (!this.pending || this.drillId === null) return;
    this.bus.send('demand', { from: this.instance, drillId: this.drillId, counts: this.counts, samples: this.samples });
    this.counts = {};
    this.samples = {};
    this.pending = false;
  }
}
