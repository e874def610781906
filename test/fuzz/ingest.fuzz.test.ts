/**
 * Hostile input against every ingest route of one running app: random and malformed
 * protobuf, snappy bombs, huge counts, odd labels, NaN/Inf/huge numbers, odd JSON, odd
 * service names and weights. Whatever arrives: no 5xx, each request done well within a
 * second, the heap bounded over the run, and what was accepted before is still there.
 *
 * FUZZ_SEED and FUZZ_SCALE (cases = scale x CASES_PER_INPUT, fuzz-run.ts) reproduce or widen a
 * run. The costly shapes (deep JSON, bombs) are weighted so a few hundred of them run, enough to
 * prove the point without slowing the rest.
 */
import v8 from 'node:v8';
import type { InjectOptions } from 'fastify';
import vm from 'node:vm';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import snappy from 'snappyjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeWriteRequest, WriteRequestType, type TimeSeries } from '../../server/ingest/remote-write.js';
import { createTestServer, SURGE_WINDOW, type TestServer } from '../server/fixtures.js';
import { cases, FUZZ_TIMEOUT_MS } from './fuzz-run.js';

/**
 * CPU time of the process per request, generous so a slow machine does not make it flaky (a
 * bomb that got through takes seconds). CPU rather than wall time: on a shared machine the
 * wall clock also counts the time other processes ran.
 */
const MAX_CASE_CPU_MS = 1000;
const MAX_HEAP_GROWTH_BYTES = 64 * 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const T0 = Date.UTC(2024, 0, 8, 1, 0, 0);
const REMOTE_WRITE_HEADERS = { 'content-encoding': 'snappy', 'content-type': 'application/x-protobuf' };
const PROTO_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'prototype', 'valueOf', '__defineGetter__'];

let server: TestServer;
let heapBefore = 0;

/** the request, checked against the properties every case must hold */
async function send(options: InjectOptions): Promise<number> {
  const started = process.cpuUsage();
  const res = await server.app.inject(options);
  const cpu = process.cpuUsage(started);
  expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
  expect((cpu.user + cpu.system) / 1000).toBeLessThan(MAX_CASE_CPU_MS);
  // inject settles through promises alone; without a turn of the event loop the sockets'
  // setImmediate clean-ups pile up and hold every response until the run ends
  await new Promise((resolve) => setImmediate(resolve));
  return res.statusCode;
}

const k6Series = (service: string, instance: string, samples: [number, number][]): TimeSeries => ({
  labels: [
    { name: '__name__', value: 'k6_http_reqs_total' },
    { name: 'instance', value: instance },
    { name: 'service', value: service },
    { name: 'status', value: '200' },
  ],
  samples: samples.map(([timestamp, value]) => ({ timestamp, value })),
});

beforeAll(async () => {
  server = await createTestServer({ limits: { ingestPerMinute: 10_000_000 } });
  await server.startDrill({ source: 'external', demandFrom: 'metrics', ...SURGE_WINDOW });
  // accepted before the fuzzing: a JSON sample for docs and the first point of a meetings counter
  const json = await server.app.inject({ method: 'POST', url: '/api/v1/metrics', headers: server.auth('ingest'), payload: { samples: [{ service: 'docs', timestamp: T0, rps: 123 }] } });
  expect(json.statusCode).toBe(202);
  const rw = await server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: encodeWriteRequest({ timeseries: [k6Series('meetings', 'before-fuzz', [[T0, 1000]])] }) });
  expect(rw.statusCode).toBe(204);
  gc();
  heapBefore = process.memoryUsage().heapUsed;
});

afterAll(async () => {
  await server?.close();
});

// ---- POST /api/v1/metrics --------------------------------------------------------------

const oddNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1.7e308, -1.7e308, Number.MAX_SAFE_INTEGER, 8.64e15, 8.64e15 + 1, 1e9, 1e9 + 1, 3_600_001, 5e-324),
);
// JSON has no NaN or Infinity; they arrive as null, or as strings from a careless client
const oddValue = fc.oneof(oddNumber, fc.constantFrom(null, true, 'NaN', 'Infinity', '5', '', [], {}), fc.string());
// never 'docs' or 'meetings': their pre-fuzz samples must survive unchanged
const jsonService = fc.oneof(fc.constantFrom('messaging', 'video', ...PROTO_NAMES), fc.string({ maxLength: 300 }));
const timestamp = fc.oneof(
  oddNumber,
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2020-02-03T09:00:00+08:00', '2020-13-45T25:61:61Z', '2020-02-03T09:00:00', '2020-02-03t09:00:00z', 'yesterday', ''),
  fc.string(),
);
const jsonSample = fc.record(
  { service: jsonService, timestamp, rps: fc.oneof(oddNumber, oddValue), latencyMs: oddValue, errorRate: oddValue, extra: fc.jsonValue({ maxDepth: 3 }) },
  { requiredKeys: [] },
);
const deep = fc.integer({ min: 1, max: 12_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
/** a JSON body that prints shortened when a case fails */
const shown = (payload: string) => Object.assign(Object.create(null) as object, { payload, [fc.toStringMethod]: () => (payload.length > 300 ? `${payload.slice(0, 300)}... (${payload.length} chars)` : payload) }) as { payload: string };
const jsonBody = fc.oneof(
  { weight: 24, arbitrary: fc.record({ samples: fc.array(jsonSample, { maxLength: 20 }) }).map((b) => JSON.stringify(b)) },
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: deep.map((d) => `{"samples":[{"service":${d},"timestamp":0,"rps":1}]}`) },
  { weight: 1, arbitrary: deep.map((d) => `{"samples":[${d}],"__proto__":{"x":${d}}}`) },
  { weight: 4, arbitrary: fc.string({ maxLength: 200 }) },
).map(shown);

describe('fuzz POST /api/v1/metrics', () => {
  test('no 5xx and bounded time for any body', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, fc.boolean(), async ({ payload }, withToken) => {
        const status = await send({
          method: 'POST',
          url: '/api/v1/metrics',
          headers: { 'content-type': 'application/json', ...(withToken ? server.auth('ingest') : {}) },
          payload,
        });
        // without a token: 401, or the parser's 4xx when the body is refused before auth runs
        if (!withToken) expect(status).not.toBe(202);
      }),
      cases(),
    );
  });
});

// ---- POST /api/v1/write ----------------------------------------------------------------

const bytes = (n: number, byte: number): Buffer => Buffer.alloc(n, byte);
/** one length-delimited field 1 (a TimeSeries) holding `count` copies of `item` */
const oneSeriesOf = (item: number[], count: number): Buffer => {
  const inner = Buffer.alloc(count * item.length, Buffer.from(item));
  return Buffer.concat([Buffer.from(protobuf.Writer.create().uint32(0x0a).uint32(inner.length).finish()), inner]);
};
/** prebuilt once: compressing megabytes per case would make the fuzzing slow, not the server */
const BOMBS: Buffer[] = [
  snappy.compress(Buffer.alloc(4_000_000 * 2, Buffer.from([0x0a, 0x00]))),
  snappy.compress(bytes(8 * 1024 * 1024, 0x0a)),
  // declares 4 GiB uncompressed, holds nothing
  Buffer.from([0x80, 0x80, 0x80, 0x80, 0x10, 0x00]),
  // a series of 100,000 empty labels
  snappy.compress(oneSeriesOf([0x0a, 0x00], 100_000)),
  // 100,000 empty samples in one series
  snappy.compress(oneSeriesOf([0x12, 0x00], 100_000)),
  // groups nested a million deep
  snappy.compress(bytes(1_000_000, 0x0b)),
];

const labelText = fc.oneof(fc.constantFrom('', '__name__', 'service', 'k6_http_reqs_total', 'messaging', ...PROTO_NAMES), fc.string({ unit: 'grapheme', maxLength: 40 }));
const sampleValue = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, 1.7e308, Number.MAX_SAFE_INTEGER));
const sampleTime = fc.oneof(
  fc.integer({ min: T0 - 3_600_000, max: T0 + 3_600_000 }),
  fc.constantFrom(0, -1, 8.64e15, 8.64e15 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
);
const series: fc.Arbitrary<TimeSeries> = fc.record({
  labels: fc.oneof(
    fc.array(fc.record({ name: labelText, value: labelText }), { maxLength: 8 }),
    // a series the plan reads: messaging's request counter
    labelText.map((instance) => k6Series('messaging', instance, []).labels),
  ),
  samples: fc.array(fc.record({ value: sampleValue, timestamp: sampleTime }), { maxLength: 4 }),
});
const encoded = fc.array(series, { maxLength: 6 }).map((timeseries) => Buffer.from(WriteRequestType.encode(WriteRequestType.fromObject({ timeseries })).finish()));
const mutated = fc.tuple(encoded, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([b, at, byte]) => {
  const copy = Buffer.from(b);
  if (copy.length > 0) copy[at % copy.length] = byte;
  return copy;
});
/** a body that prints as its kind and size, not its megabytes, when a case fails */
const named = (kind: string) => (body: Buffer) => Object.assign(Object.create(null) as object, { body, [fc.toStringMethod]: () => `${kind} of ${body.length} bytes: ${body.subarray(0, 32).toString('hex')}` }) as { body: Buffer };
const writeBody = fc.oneof(
  // bombs cost a full decompression each (tens of ms): a few dozen of them prove the point
  { weight: 170, arbitrary: encoded.map((b) => snappy.compress(b)).map(named('encoded')) },
  { weight: 70, arbitrary: mutated.map((b) => snappy.compress(b)).map(named('mutated')) },
  { weight: 35, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => snappy.compress(Buffer.from(b))).map(named('random protobuf')) },
  { weight: 35, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)).map(named('random snappy')) },
  { weight: 1, arbitrary: fc.constantFrom(...BOMBS).map(named('bomb')) },
);

describe('fuzz POST /api/v1/write', () => {
  test('no 5xx and bounded time for any body', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(writeBody, async ({ body }) => {
        const status = await send({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: body });
        expect([204, 400, 413]).toContain(status);
      }),
      cases(),
    );
  });
});

// ---- /t/:service/* ---------------------------------------------------------------------

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 });
const weightHeader = fc.oneof(fc.double().map(String), fc.integer().map(String), fc.constantFrom('1000000', '1000001', '1e308', 'NaN', '-0', '0x10', ' 5 ', ''), printable);
const trafficService = fc.oneof(fc.constantFrom('messaging', 'video', ...PROTO_NAMES), fc.string({ unit: 'grapheme', maxLength: 50 }));
const role = fc.constantFrom(null, 'ingest', 'operator', 'admin', 'bogus');

describe('fuzz /t/:service/*', () => {
  test('no 5xx and bounded time for any service name and weight', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(trafficService, fc.option(weightHeader), role, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), async (service, weight, who, method) => {
        const auth = who === null ? {} : who === 'bogus' ? { authorization: 'Bearer fc_ingest_bogus' } : server.auth(who);
        const headers = { ...auth, ...(weight === null ? {} : { 'x-flashcrowd-weight': weight }) };
        await send({ method, url: `/t/${encodeURIComponent(service)}/x`, headers });
      }),
      cases(),
    );
  });
});

describe('after the fuzzing', () => {
  test('the heap is bounded and what was accepted before is still there', async () => {
    gc();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    // the meetings counter continues from its pre-fuzz point: 250 requests in 5 s
    const rw = await server.app.inject({ method: 'POST', url: '/api/v1/write', headers: { ...server.auth('ingest'), ...REMOTE_WRITE_HEADERS }, payload: encodeWriteRequest({ timeseries: [k6Series('meetings', 'before-fuzz', [[T0 + 5000, 1250]])] }) });
    expect(rw.statusCode).toBe(204);
    const runner = server.drill();
    runner.tick();
    expect(runner.latestTick('docs')?.demandRps).toBe(123);
    expect(runner.latestTick('meetings')?.demandRps).toBe(50);
    for (const name of Object.keys(server.plan.services)) expect(Number.isFinite(runner.latestTick(name)?.demandRps)).toBe(true);
  });
});
