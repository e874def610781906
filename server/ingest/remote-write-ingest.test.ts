import { describe, expect, it } from 'vitest';
import type { Plan, ServicePlan } from '../core/plan/types.js';
import type { TimeSeries } from './remote-write.js';
import { emptyRemoteWriteState, ingestWriteRequest, LOOKBACK_MS } from './remote-write-ingest.js';
import type { RemoteWriteState } from './remote-write-ingest.js';

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

function run(requests: TimeSeries[][]) {
  let state: RemoteWriteState = emptyRemoteWriteState();
  const out = [];
  for (const timeseries of requests) {
    const r = ingestWriteRequest(state, plan, { timeseries, metadata: [] });
    state = r.state;
    out.push(r.samples);
  }
  return { state, out };
}

describe('ingestWriteRequest', () => {
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

  it('forgets series silent past the lookback', () => {
    const { state } = run([[series('a', [[0, 0]]), series('b', [[0, 0]])], [series('a', [[LOOKBACK_MS + 1, 5]])]]);
    expect(Object.keys(state.counters)).toHaveLength(1);
  });

  it('keeps plain state that survives JSON', () => {
    const { state } = run([[series('a', [[0, 0], [15_000, 150]])]]);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    const next = ingestWriteRequest(JSON.parse(JSON.stringify(state)), plan, { timeseries: [series('a', [[30_000, 300]])], metadata: [] });
    expect(next.samples).toEqual([{ service: 'api', t: 30_000, rps: 10 }]);
  });
});
