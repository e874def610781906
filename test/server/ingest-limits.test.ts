/**
 * Regressions from the security review: each hostile request answers a 4xx naming what to
 * change, after bounded work, and leaves the server serving.
 */
import snappy from 'snappyjs';
import { describe, expect } from 'vitest';
import { encodeWriteRequest, type TimeSeries } from '../../server/ingest/remote-write.js';
import { createTestServer, SURGE_WINDOW, test } from './fixtures.js';

const T0 = Date.UTC(2024, 0, 8, 1, 0, 0);

const REMOTE_WRITE_HEADERS = { 'content-encoding': 'snappy', 'content-type': 'application/x-protobuf' };

const k6Requests = (service: string, samples: [number, number][], extra: Record<string, string> = {}): TimeSeries => ({
  labels: Object.entries({ __name__: 'k6_http_reqs_total', service, status: '200', ...extra })
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => ({ name, value })),
  samples: samples.map(([timestamp, value]) => ({ timestamp, value })),
});

/** `count` empty TimeSeries: two bytes each, a few KiB once snappy-compressed */
const emptySeriesBomb = (count: number): Buffer => snappy.compress(Buffer.alloc(count * 2, Buffer.from([0x0a, 0x00])));

describe('POST /api/v1/write refuses what it cannot afford', () => {
  test('a small body of 4,000,000 empty series is refused at the series limit, naming it', async ({ server }) => {
    const body = emptySeriesBomb(4_000_000);
    expect(body.length).toBeLessThan(1024 * 1024);
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/^timeseries\[20000\]: more than 20000 series in one request/);
  });

  test('a body declaring more than 8 MiB uncompressed is refused before decompressing', async ({ server }) => {
    const body = emptySeriesBomb(10_000_000);
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/^body: declares 20000000 bytes uncompressed, more than the 8388608 allowed/);
  });

  test('too many labels on a series and too long a label value are refused, naming them', async ({ server }) => {
    const write = (timeseries: TimeSeries[]) =>
      server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: encodeWriteRequest({ timeseries }) });
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`l${i}`, 'x']));
    const wide = await write([k6Requests('messaging', [[T0, 1]], many)]);
    expect(wide.statusCode).toBe(400);
    expect(wide.body).toMatch(/^timeseries\[0\]\.labels: more than 64 labels/);
    const long = await write([k6Requests('messaging', [[T0, 1]]), k6Requests('messaging', [[T0, 1]], { url: 'x'.repeat(5000) })]);
    expect(long.statusCode).toBe(400);
    expect(long.body).toMatch(/^timeseries\[1\]\.labels\[\d\]\.value: a label value of 5000 bytes/);
  });

  test('a matched sample with a huge or infinite value is refused, naming it', async ({ server }) => {
    const write = (timeseries: TimeSeries[]) =>
      server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: encodeWriteRequest({ timeseries }) });
    for (const value of [1.7e308, Infinity, -Infinity]) {
      const res = await write([k6Requests('messaging', [[T0, 1], [T0 + 1000, value]])]);
      expect(res.statusCode, String(value)).toBe(400);
      expect(res.body).toMatch(/^timeseries\[0\]\.samples\[1\]\.value: expected NaN \(the stale marker\) or a finite number/);
    }
  });

  test('holds at most --remote-write-max-series series, counting them and the evictions in /metrics', async () => {
    const server = await createTestServer({ limits: { remoteWriteMaxSeries: 100 } });
    try {
      const timeseries = Array.from({ length: 250 }, (_, i) => k6Requests('messaging', [[T0, i]], { instance: `i${i}` }));
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: encodeWriteRequest({ timeseries }) });
      expect(res.statusCode).toBe(204);
      const metrics = (await server.app.inject({ url: '/metrics' })).body;
      expect(metrics).toMatch(/^flashcrowd_remote_write_series 100$/m);
      expect(metrics).toMatch(/^flashcrowd_remote_write_series_evicted_total 150$/m);
    } finally {
      await server.close();
    }
  });
});

describe('POST /api/v1/metrics refuses what it cannot afford', () => {
  test('honours --ingest-body-limit', async () => {
    const server = await createTestServer({ limits: { jsonBodyBytes: 2048 } });
    try {
      const samples = Array.from({ length: 40 }, () => ({ service: 'messaging', timestamp: T0, rps: 1 }));
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: server.auth('ingest'), payload: { samples } });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'metrics.body', field: 'body' });
    } finally {
      await server.close();
    }
  });

  test('a sample nested 10,000 levels deep is a 400 naming the field', async ({ server }) => {
    let deep = '1';
    for (let i = 0; i < 10_000; i++) deep = `{"a":${deep}}`;
    for (const [payload, field] of [
      [`{"samples":[{"service":${deep},"timestamp":0,"rps":1}]}`, 'samples[0].service'],
      [`{"samples":${deep}}`, 'samples'],
      [`{"samples":[${deep}]}`, 'samples[0].service'],
    ] as const) {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: { ...server.auth('ingest'), 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });

  test('rps 1.7e308 is refused and the drill never sees it', async ({ server }) => {
    await server.startDrill({ source: 'external', demandFrom: 'metrics', ...SURGE_WINDOW });
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: server.auth('ingest'), payload: { samples: [{ service: 'messaging', timestamp: T0, rps: 1.7e308 }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('samples[0].rps');
    const runner = server.drill();
    runner.tick();
    expect(Number.isFinite(runner.latestTick('messaging')?.demandRps)).toBe(true);
  });

  test('service names that are properties of every object are unknown services', async ({ server }) => {
    for (const service of ['constructor', '__proto__', 'hasOwnProperty']) {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: server.auth('ingest'), payload: { samples: [{ service, timestamp: T0, rps: 1 }] } });
      expect(res.statusCode, service).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'metrics.service', field: 'samples[0].service' });
    }
  });
});
