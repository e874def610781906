import { describe, expect } from 'vitest';
import type { DrillDto, EngineEvent, Notice } from '../../server/contracts.js';
import { SURGE_WINDOW, test, tickUntil } from './fixtures.js';

describe('POST /api/v1/drills', () => {
  test('starts a drill in scenario time and answers its DrillDto with a Location', async ({ server }) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/drills',
      headers: server.auth('operator'),
      payload: { scenario: 'feb3', speed: 600, source: 'generated', ...SURGE_WINDOW },
    });
    expect(res.statusCode).toBe(201);
    const drill = res.json<DrillDto>();
    expect(res.headers.location).toBe(`/api/v1/drills/${drill.id}`);
    expect(drill).toMatchObject({
      status: 'running',
      scenario: 'feb3',
      speed: 600,
      source: 'generated',
      scenarioStart: '2020-02-03T00:00:00.000Z',
      scenarioNow: '2020-02-03T00:00:00.000Z',
      scenarioEnd: '2020-02-03T01:30:00.000Z',
      timezone: 'Asia/Shanghai',
    });
    server.drill().tick();
    const after = await server.app.inject({ url: `/api/v1/drills/${drill.id}` });
    expect(after.json<DrillDto>().scenarioNow).toBe('2020-02-03T00:00:15.000Z');
  });

  test.for([
    [{ speed: -1 }, 'body.speed'],
    [{ speed: 'fast' }, 'body.speed'],
    [{ source: 'psychic' }, 'body.source'],
    [{ policy: 'guess' }, 'body.policy'],
    [{ from: 'yesterday' }, 'body.from'],
    [{ scale: 0 }, 'body.scale'],
    [{ bogus: 1 }, 'body.bogus'],
    [{ scenario: 'no-such-scenario' }, 'scenario'],
    [{ scenario: '../etc/passwd' }, 'body.scenario'],
    [{ from: '2019-01-01T00:00:00Z' }, 'from'],
    [{ from: SURGE_WINDOW.to, to: SURGE_WINDOW.from }, 'from'],
    [{ speed: 9999 }, 'speed'],
  ] as const)('refuses %j with 400 naming %s', async ([body, field], { server }) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/drills',
      headers: server.auth('operator'),
      payload: { scenario: 'feb3', speed: 60, source: 'generated', ...body },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(res.json().error.message).toEqual(expect.any(String));
    expect(server.app.drills.running()?.spec.scenarioName).toBe('live');
  });

  test('refuses a body that is not JSON with 400', async ({ server }) => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/drills',
      headers: { ...server.auth('operator'), 'content-type': 'application/json' },
      payload: '{"scenario":',
    });
    expect(res.statusCode).toBe(400);
  });

  test('answers 409 naming the running drill when one runs', async ({ server }) => {
    const first = await server.startDrill({});
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/drills', headers: server.auth('operator'), payload: { scenario: 'feb3', speed: 60, source: 'generated' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'drill.running' });
    expect(res.json().error.message).toContain(first.id);
  });
});

describe('reading drills', () => {
  test('GET by id, 404 for an unknown id, 400 for an overlong one', async ({ server }) => {
    const drill = await server.startDrill({});
    expect((await server.app.inject({ url: `/api/v1/drills/${drill.id}` })).json<DrillDto>().id).toBe(drill.id);
    const missing = await server.app.inject({ url: '/api/v1/drills/d-nothere' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('drill.not-found');
    expect((await server.app.inject({ url: `/api/v1/drills/${'x'.repeat(65)}` })).statusCode).toBe(400);
  });

  test('lists by status; an unknown status is 400', async ({ server }) => {
    const first = await server.startDrill({});
    await server.app.inject({ method: 'POST', url: `/api/v1/drills/${first.id}/stop`, headers: server.auth('operator') });
    const second = await server.startDrill({});
    const running = (await server.app.inject({ url: '/api/v1/drills?status=running' })).json<{ drills: DrillDto[] }>().drills;
    expect(running.map((d) => d.id)).toEqual([second.id]);
    const stopped = (await server.app.inject({ url: '/api/v1/drills?status=stopped' })).json<{ drills: DrillDto[] }>().drills;
    expect(stopped.map((d) => d.id)).toContain(first.id);
    const bad = await server.app.inject({ url: '/api/v1/drills?status=sleeping' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.status');
  });
});

describe('POST /api/v1/drills/:id/stop', () => {
  test('stops the running drill, then 409; 404 for an unknown drill', async ({ server }) => {
    const drill = await server.startDrill({});
    const stop = () => server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/stop`, headers: server.auth('operator') });
    const res = await stop();
    expect(res.statusCode).toBe(200);
    expect(res.json<DrillDto>()).toMatchObject({ id: drill.id, status: 'stopped', endedAt: expect.any(String) });
    expect((await server.app.inject({ url: `/api/v1/drills/${drill.id}` })).json<DrillDto>().status).toBe('stopped');
    expect((await stop()).statusCode).toBe(409);
    const unknown = await server.app.inject({ method: 'POST', url: '/api/v1/drills/d-nothere/stop', headers: server.auth('operator') });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('POST /api/v1/drills/:id/scale', () => {
  test('says what it applied when the request is outside the plan limits, and why', async ({ server }) => {
    const drill = await server.startDrill({});
    const scale = (desired: number) => server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/scale`, headers: server.auth('operator'), payload: { service: 'docs', desired } });
    const max = server.plan.services.docs?.capacity.maxServers ?? 0;
    expect((await scale(100_000)).json()).toMatchObject({ requested: 100_000, applied: max, reason: 'capped-at-maximum' });
    expect((await scale(0)).json()).toMatchObject({ requested: 0, reason: 'raised-to-minimum' });
  });

  test('queues a manual scale applied at the next tick', async ({ server }) => {
    const drill = await server.startDrill({});
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/scale`, headers: server.auth('operator'), payload: { service: 'docs', desired: 60 } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ queued: true, service: 'docs', requested: 60, applied: 60, reason: 'within-limits' });
    server.drill().tick();
    const events = (await server.app.inject({ url: `/api/v1/drills/${drill.id}/events?type=manual:scale` })).json<{ events: EngineEvent[] }>().events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ service: 'docs', type: 'manual:scale' });
  });

  test('400 naming the field for an unknown service or bad count; 409 when not running', async ({ server }) => {
    const drill = await server.startDrill({});
    const scale = (id: string, payload: object) => server.app.inject({ method: 'POST', url: `/api/v1/drills/${id}/scale`, headers: server.auth('operator'), payload });
    const unknown = await scale(drill.id, { service: 'mail', desired: 5 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('service');
    const negative = await scale(drill.id, { service: 'docs', desired: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.field).toBe('body.desired');
    expect((await scale('d-nothere', { service: 'docs', desired: 5 })).statusCode).toBe(409);
  });
});

describe('events, notices and the report of a drill through a surge', () => {
  test('filters events by type, lists notices, and reports in scenario time', async ({ server }) => {
    const drill = await server.startDrill({ speed: 600, ...SURGE_WINDOW });
    const runner = server.drill();
    tickUntil(runner, () => runner.status !== 'running');
    expect(runner.status).toBe('finished');

    const firing = (await server.app.inject({ url: `/api/v1/drills/${drill.id}/events?type=trigger:firing` })).json<{ events: EngineEvent[] }>().events;
    expect(firing.length).toBeGreaterThan(0);
    expect(firing.every((e) => e.type === 'trigger:firing')).toBe(true);
    const docs = (await server.app.inject({ url: `/api/v1/drills/${drill.id}/events?service=docs&limit=3` })).json<{ events: EngineEvent[] }>().events;
    expect(docs).toHaveLength(3);
    expect(docs.every((e) => e.service === 'docs')).toBe(true);
    expect((await server.app.inject({ url: `/api/v1/drills/${drill.id}/events?limit=0` })).statusCode).toBe(400);

    const notices = (await server.app.inject({ url: `/api/v1/drills/${drill.id}/notices` })).json<{ notices: Notice[] }>().notices;
    expect(notices.length).toBeGreaterThan(0);
    expect(notices[0]).toMatchObject({ stage: 'investigating', cause: { en: expect.any(String), 'zh-CN': expect.any(String) } });
    expect(notices.every((n) => n.id.startsWith(`${drill.id}:`))).toBe(true);

    const report = await server.app.inject({ url: `/api/v1/drills/${drill.id}/report.json` });
    expect(report.statusCode).toBe(200);
    const body = report.json<{ ticks: { t: string }[]; events: { t: string }[]; notices: unknown[]; summary: object }>();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['ticks', 'events', 'notices', 'summary']));
    expect(body.ticks[0]?.t).toBe('2020-02-03T00:00:15.000Z');
    expect(body.ticks.at(-1)?.t).toBe('2020-02-03T01:30:00.000Z');
    expect(body.ticks).toHaveLength(3 * 360);
    expect(body.events.every((e) => e.t >= '2020-02-03T00:00:00.000Z' && e.t <= '2020-02-03T01:30:00.000Z')).toBe(true);
    expect(body.notices).toHaveLength(notices.length);

    const html = await server.app.inject({ url: `/api/v1/drills/${drill.id}/report.html` });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain(drill.id);
    expect((await server.app.inject({ url: '/api/v1/drills/d-nothere/report.json' })).statusCode).toBe(404);
    expect((await server.app.inject({ url: '/api/v1/drills/d-nothere/report.html' })).statusCode).toBe(404);
  });
});
