/**
 * The server's own metrics in Prometheus format, on a registry of its own (not prom-client's
 * global one) so several apps in one process, as in tests, do not collide.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface OpsMetricsSources {
  liveClients: () => number;
  webhookBacklog: () => Promise<number>;
  drillRunning: () => boolean;
  /** the remote-write receiver's series state: held now, evicted for the cap since start */
  remoteWriteSeries: () => { held: number; evicted: number };
}

export class OpsMetrics {
  readonly registry = new Registry();
  readonly ingestSamples = new Counter({ name: 'flashcrowd_ingest_samples_total', help: 'metric samples accepted, by source', labelNames: ['source'] as const, registers: [this.registry] });
  readonly ingestRejected = new Counter({ name: 'flashcrowd_ingest_rejected_total', help: 'ingest requests rejected, by source', labelNames: ['source'] as const, registers: [this.registry] });
  readonly trafficRequests = new Counter({ name: 'flashcrowd_traffic_requests_total', help: 'requests to the traffic target, by service', labelNames: ['service'] as const, registers: [this.registry] });
  readonly tickSeconds = new Histogram({
    name: 'flashcrowd_tick_duration_seconds',
    help: 'time the engine takes for one tick of all services',
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1],
    registers: [this.registry],
  });

  constructor(sources: OpsMetricsSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'flashcrowd_process_' });
    new Gauge({ name: 'flashcrowd_live_clients', help: 'connected socket.io clients', registers: [this.registry], collect() { this.set(sources.liveClients()); } });
    new Gauge({ name: 'flashcrowd_drill_running', help: '1 while a drill (not the live session) runs', registers: [this.registry], collect() { this.set(sources.drillRunning() ? 1 : 0); } });
    new Gauge({ name: 'flashcrowd_remote_write_series', help: 'remote-write series held for rates and aggregation', registers: [this.registry], collect() { this.set(sources.remoteWriteSeries().held); } });
    new Counter({ name: 'flashcrowd_remote_write_series_evicted_total', help: 'remote-write series evicted because the held count reached --remote-write-max-series', registers: [this.registry], collect() { this.reset(); this.inc(sources.remoteWriteSeries().evicted); } });
    new Gauge({ name: 'flashcrowd_webhook_backlog', help: 'webhook deliveries waiting in the outbox', registers: [this.registry], async collect() { this.set(await sources.webhookBacklog()); } });
  }
}
