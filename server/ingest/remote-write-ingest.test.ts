import { describe, expect, it } from 'vitest';
import type { Plan, ServicePlan } from '../core/plan/types.js';
import type { TimeSeries } from './remote-write.js';
import { LOOKBACK_MS, RemoteWriteIngest } from './remote-write-ingest.js';

// The ingest reads only a service's name and series.
const plan: Plan = {
  name: 't',
  timezone: 'UTC',
  tickSeconds: 15,
  levels: ['normal'],
  services: {
    api: {
      name: 'api',
      series: [
        { metric: 'http_requests_total', matchers: [{ label: 'job', op: '=', value: 'api' }], kind: 'counter', measures: 'rps' },
        { metric: 'api_latency_ms', matchers: [], kind: 'gauge', measures: 'latencyMs' },
      ],
    } as Partial<ServicePlan> as ServicePlan,
  },
};

const series = (instance: string, samples: [number, number][], name = 'http_requests_total'): TimeSeries => ({
  labels: [
    { name: '__name__', value: name },
    { name: 'instance', value: instance },
    { name: 'job', value: 'api' },
  ],
  samples: samples.map(([timestamp, value]) => ({ timestamp, value })),
});

function run(requests: TimeSeries[][], receiver = new RemoteWriteIngest()) {
  const out = [];
  for (const timeseries of requests) {
    const r = receiver.ingest(plan, { timeseries });
    if (!r.ok) throw new Error(r.errors[0]?.message);
    out.push(r.value);
  }
  return { receiver, out };
}

describe('RemoteWriteIngest', () => {
  it('adds up the shards Prometheus splits a scrape into', () => {
    const { out } = run([
      [series('a', [[0, 0]]), series('b', [[0, 0]])],
      [series('a', [[15_000, 150]])],
      [series('b', [[15_000, 300]])],
    ]);
    expect(out[1]).toEqual([{ service: 'api', t: 15_000, rps: 10 }]);
    expect(out[2]).toEqual([{ service: 'api', t: 15_000, rps: 30 }]);
  });

  it('counts targets scraped at different offsets within their interval', () => {
    const { out } = run([[series('a', [[0, 0], [15_000, 150]]), series('b', [[5_000, 0], [20_000, 300]])]]);
    expect(out[0]).toEqual([{ service: 'api', t: 20_000, rps: 30 }]);
  });

  it('takes a gauge named in milliseconds as is, with the worst series', () => {
    const { out } = run([[series('a', [[0, 120]], 'api_latency_ms'), series('b', [[0, 300]], 'api_latency_ms')]]);
    expect(out[0]).toEqual([{ service: 'api', t: 0, latencyMs: 300 }]);
  });

  it('forgets series not written for the lookback in wall time, whatever their sample times', () => {
    let now = 0;
    const receiver = new RemoteWriteIngest(100, () => now);
    run([[series('a', [[0, 0]]), series('b', [[0, 0]])]], receiver);
    // a sample from far in the future forgets nothing
    run([[series('c', [[8e15, 0]])]], receiver);
    expect(receiver.heldSeries).toBe(3);
    now = LOOKBACK_MS + 1;
    run([[series('a', [[15_000, 5]])]], receiver);
    expect(receiver.heldSeries).toBe(1);
  });

  it('holds at most its cap of series, evicting the least recently written', () => {
    const receiver = new RemoteWriteIngest(2);
    const { out } = run([[series('a', [[0, 0]]), series('b', [[0, 0]]), series('c', [[0, 0]])], [series('a', [[15_000, 150]])]], receiver);
    expect(receiver.heldSeries).toBe(2);
    expect(receiver.evictions).toBe(2);
    // a was evicted, so its second sample is a first sample again: no rate yet
    expect(out[1]).toEqual([]);
  });

  it('refuses a request whose matched series has an out-of-range value, naming it, and applies none of it', () => {
    const receiver = new RemoteWriteIngest();
    const r = receiver.ingest(plan, { timeseries: [series('a', [[0, 0]]), series('b', [[0, 1e300]])] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.field).toBe('timeseries[1].samples[0].value');
    expect(receiver.heldSeries).toBe(0);
    const late = receiver.ingest(plan, { timeseries: [series('a', [[-5, 0]])] });
    expect(!late.ok && late.errors[0]?.field).toBe('timeseries[0].samples[0].timestamp');
  });

  it('ignores series the plan does not read, whatever their values', () => {
    const r = new RemoteWriteIngest().ingest(plan, { timeseries: [series('a', [[-1, Infinity]], 'other_metric')] });
    expect(r).toEqual({ ok: true, value: [] });
  });

  it('matches a label list it has seen again when the plan is replaced', () => {
    const receiver = new RemoteWriteIngest();
    const a = series('a', [[0, 0]]);
    receiver.ingest(plan, { timeseries: [a] });
    const renamed: Plan = { ...plan, services: { web: { ...plan.services.api!, name: 'web' } } };
    const r = receiver.ingest(renamed, { timeseries: [{ labels: a.labels, samples: [{ timestamp: 1000, value: 10 }] }] });
    expect(r).toEqual({ ok: true, value: [{ service: 'web', t: 1000, rps: 10 }] });
  });

  it('does not record a derived rate beyond the documented range', () => {
    const { out } = run([[series('a', [[0, 0], [1, 9e15]])]]);
    expect(out[0]).toEqual([]);
  });
});

describe('RemoteWriteIngest eviction order', () => {
  it('evicts the series written longest ago, not the one placed first', () => {
    let now = 0;
    const receiver = new RemoteWriteIngest(2, () => now);
    run([[series('a', [[0, 0]]), series('b', [[0, 0]])]], receiver);
    now = 1000;
    // a is written again, so b is now the least recently written
    run([[series('a', [[15_000, 150]])]], receiver);
    now = 2000;
    run([[series('c', [[0, 0]])]], receiver);
    const { out } = run([[series('a', [[30_000, 300]])]], receiver);
    expect(out[0]).toEqual([{ service: 'api', t: 30_000, rps: 10 }]);
    expect(receiver.evictions).toBe(1);
  });
});
