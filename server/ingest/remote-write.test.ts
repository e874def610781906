import Fastify from 'fastify';
import snappy from 'snappyjs';
import { describe, expect, it } from 'vitest';
import type { Plan, SeriesMapping, ServicePlan } from '../core/plan/types.js';
import type { IngestSample } from './ingest-sample.js';
import { decodeWriteRequest, encodeWriteRequest, WriteRequestType } from './remote-write.js';
import { remoteWriteRoutes } from './remote-write-routes.js';
import type { TimeSeries } from './remote-write.js';

// The receiver reads only a service's name and series; the rest of ServicePlan is irrelevant here.
const service = (name: string, series: SeriesMapping[]): ServicePlan =>
  ({ name, displayName: name, series }) as Partial<ServicePlan> as ServicePlan;

const plan: Plan = {
  name: 'test',
  timezone: 'Asia/Shanghai',
  tickSeconds: 5,
  levels: ['normal', 'surge'],
  services: {
    messaging: service('messaging', [
      { metric: 'k6_http_reqs_total', matchers: [{ label: 'scenario', op: '=', value: 'messaging' }], kind: 'counter', measures: 'rps' },
      { metric: 'k6_http_req_duration_p99', matchers: [{ label: 'scenario', op: '=', value: 'messaging' }], kind: 'gauge', measures: 'latencyMs' },
    ]),
  },
};

// k6's experimental-prometheus-rw output: __name__ plus the sample's tags as labels, sorted.
const k6Series = (name: string, tags: Record<string, string>, samples: [number, number][]): TimeSeries => ({
  labels: Object.entries({ __name__: name, ...tags })
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([n, value]) => ({ name: n, value })),
  samples: samples.map(([timestamp, value]) => ({ timestamp, value })),
});

const reqs = (tags: Record<string, string>, samples: [number, number][]) =>
  k6Series('k6_http_reqs_total', { scenario: 'messaging', method: 'GET', status: '200', expected_response: 'true', ...tags }, samples);

const K6_HEADERS = {
  'content-encoding': 'snappy',
  'content-type': 'application/x-protobuf',
  'user-agent': 'k6-prometheus-rw-output',
  'x-prometheus-remote-write-version': '0.1.0',
};

async function receiver() {
  const received: IngestSample[][] = [];
  const app = Fastify();
  await app.register(remoteWriteRoutes, { plan: () => plan, onSamples: (s) => received.push(s) });
  const write = (timeseries: TimeSeries[], headers: Record<string, string> = K6_HEADERS, payload?: Buffer) =>
    app.inject({ method: 'POST', url: '/api/v1/write', headers, payload: payload ?? encodeWriteRequest({ timeseries }) });
  return { app, received, write };
}

const T0 = Date.UTC(2020, 1, 3, 1, 0, 0);

describe('decodeWriteRequest', () => {
  it('round-trips what Prometheus encodes, int64 timestamps as numbers', () => {
    const series = reqs({ url: 'http://x/t/messaging/a' }, [[T0, 12], [T0 + 5000, 40]]);
    const decoded = decodeWriteRequest(encodeWriteRequest({ timeseries: [series] }));
    expect(decoded).toEqual({ ok: true, value: { timeseries: [series] } });
  });

  it('names snappy as the culprit for a body that is not a snappy block', () => {
    const result = decodeWriteRequest(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^snappy: /);
  });

  it('names protobuf as the culprit for valid snappy around bad protobuf', () => {
    const result = decodeWriteRequest(snappy.compress(Buffer.from([0x0a, 0xff, 0xff])));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^protobuf: /);
  });

  it('skips fields outside remote write 1.0 (k6 native histograms)', () => {
    const bytes = WriteRequestType.encode(WriteRequestType.fromObject({ timeseries: [reqs({}, [[T0, 1]])] })).finish();
    // an empty length-delimited field 4, which remote write 1.0 does not define
    const withExtra = Buffer.concat([Buffer.from(bytes), Buffer.from([0x22, 0x00])]);
    expect(decodeWriteRequest(snappy.compress(withExtra)).ok).toBe(true);
  });
});

describe('POST /api/v1/write', () => {
  it('answers 204 and turns a k6 counter into requests per second', async () => {
    const { app, received, write } = await receiver();
    const first = await write([reqs({ name: 'a' }, [[T0, 100]])]);
    expect(first.statusCode).toBe(204);
    expect(first.body).toBe('');
    expect(received).toEqual([]);
    await write([reqs({ name: 'a' }, [[T0 + 5000, 600]])]);
    expect(received).toEqual([[{ service: 'messaging', t: T0 + 5000, rps: 100 }]]);
    await app.close();
  });

  it('sums the rates of every tag set of the same service', async () => {
    const { app, received, write } = await receiver();
    await write([reqs({ name: 'a' }, [[T0, 0]]), reqs({ name: 'b' }, [[T0, 0]])]);
    await write([reqs({ name: 'a' }, [[T0 + 1000, 30]]), reqs({ name: 'b' }, [[T0 + 1000, 12]])]);
    expect(received.at(-1)).toEqual([{ service: 'messaging', t: T0 + 1000, rps: 42 }]);
    await app.close();
  });

  it('drops a tag set k6 left out of a push (it saw no requests)', async () => {
    const { app, received, write } = await receiver();
    await write([reqs({ name: 'a' }, [[T0, 0]]), reqs({ name: 'b' }, [[T0, 0]])]);
    await write([reqs({ name: 'a' }, [[T0 + 1000, 30]]), reqs({ name: 'b' }, [[T0 + 1000, 12]])]);
    await write([reqs({ name: 'a' }, [[T0 + 2000, 40]])]);
    expect(received.at(-1)).toEqual([{ service: 'messaging', t: T0 + 2000, rps: 10 }]);
    await app.close();
  });

  it('counts a counter reset from zero', async () => {
    const { app, received, write } = await receiver();
    await write([reqs({}, [[T0, 500], [T0 + 1000, 520], [T0 + 2000, 7]])]);
    expect(received).toEqual([[{ service: 'messaging', t: T0 + 2000, rps: 7 }]]);
    await app.close();
  });

  it('takes a duration gauge in seconds into milliseconds', async () => {
    const { app, received, write } = await receiver();
    await write([k6Series('k6_http_req_duration_p99', { scenario: 'messaging' }, [[T0, 0.25]])]);
    expect(received).toEqual([[{ service: 'messaging', t: T0, latencyMs: 250 }]]);
    await app.close();
  });

  it('ignores series no service maps and stale markers', async () => {
    const { app, received, write } = await receiver();
    const other = k6Series('k6_http_reqs_total', { scenario: 'video' }, [[T0, 1], [T0 + 1000, 2]]);
    const stale = k6Series('k6_http_req_duration_p99', { scenario: 'messaging' }, [[T0, Number.NaN]]);
    expect((await write([other, stale])).statusCode).toBe(204);
    expect(received).toEqual([]);
    await app.close();
  });

  it('answers 400 with a text body for bad snappy and for bad protobuf', async () => {
    const { app, write } = await receiver();
    const badSnappy = await write([], K6_HEADERS, Buffer.from('not snappy at all'));
    expect(badSnappy.statusCode).toBe(400);
    expect(badSnappy.headers['content-type']).toMatch(/^text\/plain/);
    expect(badSnappy.body).toMatch(/^snappy: /);
    const badProto = await write([], K6_HEADERS, snappy.compress(Buffer.from([0x0a, 0xff, 0xff])));
    expect(badProto.statusCode).toBe(400);
    expect(badProto.body).toMatch(/^protobuf: /);
    await app.close();
  });

  it('answers 415 for another content type or encoding', async () => {
    const { app, write } = await receiver();
    const json = await write([], { ...K6_HEADERS, 'content-type': 'application/json' }, Buffer.from('{}'));
    expect(json.statusCode).toBe(415);
    const framed = await write([reqs({}, [[T0, 1]])], { ...K6_HEADERS, 'content-encoding': 'gzip' });
    expect(framed.statusCode).toBe(415);
    expect(framed.body).toContain('Content-Encoding: snappy');
    await app.close();
  });

  it('answers 413 beyond the body limit', async () => {
    const app = Fastify();
    await app.register(remoteWriteRoutes, { plan: () => plan, onSamples: () => undefined, bodyLimit: 16 });
    const payload = encodeWriteRequest({ timeseries: [reqs({ name: 'a'.repeat(64) }, [[T0, 1]])] });
    const res = await app.inject({ method: 'POST', url: '/api/v1/write', headers: K6_HEADERS, payload });
    expect(res.statusCode).toBe(413);
    await app.close();
  });

  it('runs the preHandler it is given before decoding', async () => {
    const app = Fastify();
    await app.register(remoteWriteRoutes, {
      plan: () => plan,
      onSamples: () => undefined,
      preHandler: async (_request, reply) => reply.code(401).send({ error: 'token' }),
    });
    const res = await app.inject({ method: 'POST', url: '/api/v1/write', headers: K6_HEADERS, payload: Buffer.from('junk') });
    expect(res.statusCode).toBe(401);
    await app.close();
  });
});
