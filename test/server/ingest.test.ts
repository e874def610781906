import { describe, expect } from 'vitest';
import { encodeWriteRequest, type TimeSeries } from '../../server/ingest/remote-write.js';
import { SURGE_WINDOW, test } from './fixtures.js';

const T0 = Date.UTC(2024, 0, 8, 1, 0, 0);

const sample = (over: Record<string, unknown> = {}) => ({ service: 'messaging', timestamp: '2024-01-08T09:00:00+08:00', rps: 250, ...over });

describe('POST /api/v1/metrics', () => {
  test('accepts a batch with 202 and feeds its rates, times the drill scale, to a metrics drill', async ({ server }) => {
    await server.startDrill({ source: 'external', demandFrom: 'metrics', scale: 4, ...SURGE_WINDOW });
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/metrics',
      headers: server.auth('ingest'),
      payload: { samples: [sample(), sample({ service: 'docs', timestamp: T0, rps: 10, latencyMs: 75, errorRate: 0.01 })] },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 2 });
    const runner = server.drill();
    runner.tick();
    expect(runner.latestTick('messaging')?.demandRps).toBe(1000);
    expect(runner.latestTick('docs')?.demandRps).toBe(40);
  });

  test.for([
    [{ samples: 'many' }, 'samples'],
    [{ samples: [sample(), sample({ rps: -1 })] }, 'samples[1].rps'],
    [{ samples: [sample(), sample({ service: 'mail' }), sample({ rps: 'x' })] }, 'samples[1].service'],
    [{ samples: [sample(), sample({ timestamp: 'noon' })] }, 'samples[1].timestamp'],
    [{ samples: [sample(), sample({ errorRate: 2 })] }, 'samples[1].errorRate'],
    [{ samples: [sample(), sample({ colour: 'red' })] }, 'samples[1].colour'],
    [{ samples: [sample(), { service: 'docs', timestamp: T0 }] }, 'samples[1].rps'],
  ] as const)('rejects %j whole, naming %s, and applies nothing of it', async ([payload, field], { server }) => {
    await server.startDrill({ source: 'external', demandFrom: 'metrics', ...SURGE_WINDOW });
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: server.auth('ingest'), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(res.json().error.message).toContain(field);
    const runner = server.drill();
    runner.tick();
    expect(runner.latestTick('messaging')?.demandRps).toBe(0);
  });

  test('answers a body that is not a JSON batch with 400 naming the body, or 415 for a type it cannot read', async ({ server }) => {
    const bad = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: { ...server.auth('ingest'), 'content-type': 'application/json' }, payload: '{"samples":[' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body');
    const text = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: { ...server.auth('ingest'), 'content-type': 'text/plain' }, payload: 'rps 5' });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.field).toBe('body');
    const csv = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: { ...server.auth('ingest'), 'content-type': 'text/csv' }, payload: 'rps\n5' });
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error.field).toBe('body');
  });
});

// k6's experimental-prometheus-rw output: __name__ and the sample's tags as labels, sorted by name.
function k6Requests(service: string, samples: [number, number][]): TimeSeries {
  const tags = { __name__: 'k6_http_reqs_total', expected_response: 'true', method: 'GET', name: `/t/${service}/send`, service, status: '200' };
  return {
    labels: Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => ({ name, value })),
    samples: samples.map(([timestamp, value]) => ({ timestamp, value })),
  };
}

const REMOTE_WRITE_HEADERS = {
  'content-encoding': 'snappy',
  'content-type': 'application/x-protobuf',
  'user-agent': 'k6-prometheus-rw-output',
  'x-prometheus-remote-write-version': '0.1.0',
};

describe('POST /api/v1/write', () => {
  test('a k6 counter reaches the running drill as a rate, times the drill scale', async ({ server }) => {
    await server.startDrill({ source: 'external', demandFrom: 'metrics', scale: 10, ...SURGE_WINDOW });
    const write = (timeseries: TimeSeries[]) =>
      server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: encodeWriteRequest({ timeseries }) });
    const first = await write([k6Requests('meetings', [[T0, 1000]])]);
    expect(first.statusCode).toBe(204);
    expect(first.headers['x-prometheus-remote-write-version']).toBe('0.1.0');
    // 250 more requests in 5 s: 50 per second
    expect((await write([k6Requests('meetings', [[T0 + 5000, 1250]])])).statusCode).toBe(204);
    const runner = server.drill();
    runner.tick();
    expect(runner.latestTick('meetings')?.demandRps).toBe(500);
  });

  test('answers 415 for another encoding and 400 for a body that is not a snappy WriteRequest', async ({ server }) => {
    const json = await server.app.inject({ method: 'POST', url: '/api/v1/write', headers: server.auth('ingest'), payload: { samples: [] } });
    expect(json.statusCode).toBe(415);
    const garbage = await server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: Buffer.from([0xff, 0xff, 0xff, 0xff]) });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.body).toMatch(/^snappy: /);
  });
});
