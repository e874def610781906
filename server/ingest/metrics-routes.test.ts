import Fastify from 'fastify';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Plan, ServicePlan } from '../core/plan/types.js';
import type { IngestSample } from './ingest-sample.js';
import { validateMetricsBatch } from './metrics-batch.js';
import { metricsRoutes } from './metrics-routes.js';

// The batch validator reads only which services the plan has.
const service = (name: string) => ({ name, displayName: name, series: [] }) as Partial<ServicePlan> as ServicePlan;
const plan: Plan = {
  name: 't',
  timezone: 'UTC',
  tickSeconds: 5,
  levels: ['normal'],
  services: { messaging: service('messaging'), video: service('video') },
};

async function server() {
  const received: IngestSample[][] = [];
  const app = Fastify();
  await app.register(metricsRoutes, { plan: () => plan, onSamples: (s) => received.push(s) });
  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/metrics', payload: payload as object });
  return { app, received, post };
}

const good = { service: 'messaging', timestamp: '2020-02-03T09:00:00+08:00', rps: 1200 };

describe('POST /api/v1/metrics', () => {
  it('accepts a batch with ISO and epoch-ms timestamps and hands over epoch ms', async () => {
    const { app, received, post } = await server();
    const res = await post({
      samples: [good, { service: 'video', timestamp: 1580691605000, rps: 30, latencyMs: 180, errorRate: 0.02 }],
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 2 });
    expect(received).toEqual([
      [
        { service: 'messaging', t: Date.UTC(2020, 1, 3, 1, 0, 0), rps: 1200 },
        { service: 'video', t: 1580691605000, rps: 30, latencyMs: 180, errorRate: 0.02 },
      ],
    ]);
    await app.close();
  });

  it.each([
    [{ rps: -5 }, 'samples[3].rps', 'samples[3].rps: expected a number from 0 to 1000000000, got -5'],
    [{ rps: '5' }, 'samples[3].rps', 'samples[3].rps: expected a number from 0 to 1000000000, got "5"'],
    [{ rps: 1.7e308 }, 'samples[3].rps', 'samples[3].rps: expected a number from 0 to 1000000000, got 1.7e+308'],
    [{ latencyMs: 1e12 }, 'samples[3].latencyMs', 'samples[3].latencyMs: expected a number from 0 to 3600000, got 1000000000000'],
    [{ timestamp: 1e300 }, 'samples[3].timestamp', /^samples\[3\]\.timestamp: expected an RFC 3339 date-time/],
    [{ timestamp: '2020-13-45T09:00:00Z' }, 'samples[3].timestamp', /^samples\[3\]\.timestamp: expected an RFC 3339 date-time/],
    [{ service: 'constructor' }, 'samples[3].service', /^samples\[3\]\.service: unknown service "constructor"/],
    [{ service: '__proto__' }, 'samples[3].service', /^samples\[3\]\.service: unknown service "__proto__"/],
    [{ service: { a: { a: {} } } }, 'samples[3].service', 'samples[3].service: expected a service name of at most 256 characters, got an object'],
    [{ errorRate: 1.5 }, 'samples[3].errorRate', 'samples[3].errorRate: expected a number from 0 to 1, got 1.5'],
    [{ latencyMs: -1 }, 'samples[3].latencyMs', 'samples[3].latencyMs: expected a number from 0 to 3600000, got -1'],
    [{ timestamp: 'yesterday' }, 'samples[3].timestamp', /^samples\[3\]\.timestamp: expected an RFC 3339 date-time/],
    [{ timestamp: '2020-02-03T09:00:00' }, 'samples[3].timestamp', /expected an RFC 3339 date-time with an offset/],
    [{ service: 'mail' }, 'samples[3].service', 'samples[3].service: unknown service "mail"; the plan has messaging, video'],
    [{ rps: undefined }, 'samples[3].rps', 'samples[3].rps: is required: a number from 0 to 1000000000'],
    [{ rate: 3 }, 'samples[3].rate', /^samples\[3\]\.rate: unknown field/],
  ])('rejects the whole batch for %o at sample 3, naming %s', async (change, field, message) => {
    const { app, received, post } = await server();
    const bad = { ...good, ...change };
    const res = await post({ samples: [good, good, good, bad, { ...good, rps: -1 }] });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(received).toEqual([]);
    await app.close();
  });

  it('refuses more than 10,000 samples', async () => {
    const { app, post } = await server();
    const res = await post({ samples: Array.from({ length: 10_001 }, () => good) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('samples');
    await app.close();
  });

  it('answers bad JSON in the same error shape', async () => {
    const { app } = await server();
    const res = await app.inject({ method: 'POST', url: '/api/v1/metrics', headers: { 'content-type': 'application/json' }, payload: '{"samples": [' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'metrics.body', field: 'body' });
    await app.close();
  });

  it('names a body that is not an object', async () => {
    const { app, post } = await server();
    const res = await post([good]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('body');
    await app.close();
  });
});

describe('validateMetricsBatch', () => {
  test.prop([fc.array(fc.record({ rps: fc.double({ min: 0, max: 1e7, noNaN: true }), t: fc.integer({ min: 0, max: 4e12 }) }), { maxLength: 20 })])(
    'every valid batch is accepted whole, in order',
    (rows) => {
      const body = { samples: rows.map((r) => ({ service: 'video', timestamp: r.t, rps: r.rps })) };
      const result = validateMetricsBatch(body, plan);
      expect(result).toEqual({ ok: true, value: rows.map((r) => ({ service: 'video', t: r.t, rps: r.rps })) });
    },
  );

  test.prop([fc.array(fc.constant(good), { minLength: 1, maxLength: 20 }), fc.nat(), fc.integer({ min: -1000, max: -1 })])(
    'the first bad sample is the one named',
    (samples, at, rps) => {
      const i = at % samples.length;
      const bad = samples.map((s, j) => (j >= i ? { ...s, rps } : s));
      const result = validateMetricsBatch({ samples: bad }, plan);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]?.field).toBe(`samples[${i}].rps`);
    },
  );
});
