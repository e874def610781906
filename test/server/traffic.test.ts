import { describe, expect } from 'vitest';
import type { TestServer } from './fixtures.js';
import { SURGE_WINDOW, test } from './fixtures.js';

/** A weight is sent with an ingest token, which it needs to count. */
const hit = (server: TestServer, service: string, weight?: string) =>
  server.app.inject({ url: `/t/${service}/api/send`, headers: weight === undefined ? {} : { 'x-flashcrowd-weight': weight, ...server.auth('ingest') } });

/** Several requests, since which of them is refused is drawn by the tick's refused share. */
async function statuses(server: TestServer, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await hit(server, 'messaging', '1'));
  return out;
}

describe('the traffic target /t/:service/*', () => {
  test('answers 404 for an unknown service and 400 for a bad weight', async ({ server }) => {
    const unknown = await hit(server, 'mail');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('messaging');
    for (const weight of ['abc', '0', '0.5', '-3', '2000000', 'Infinity', '1e308', '']) {
      const res = await hit(server, 'messaging', weight);
      expect(res.statusCode, weight).toBe(400);
      expect(res.json().error.field).toBe('x-flashcrowd-weight');
    }
  });

  test('answers 404, not 500, for service names that are properties of every object', async ({ server }) => {
    for (const name of ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf']) {
      const res = await hit(server, name);
      expect(res.statusCode, name).toBe(404);
      expect(res.json().error.code).toBe('traffic.service');
    }
  });

  test('ignores a weight from a request without a valid ingest-or-higher token: it counts once at the drill scale', async ({ server }) => {
    await server.startDrill({ source: 'external', speed: 60, scale: 5, ...SURGE_WINDOW });
    const runner = server.drill();
    const send = (headers: Record<string, string>) => server.app.inject({ url: '/t/messaging/x', headers: { 'x-flashcrowd-weight': '1000000', ...headers } });
    expect((await send({})).statusCode).toBe(200);
    expect((await send({ authorization: 'Bearer fc_ingest_not-a-real-token' })).statusCode).toBe(200);
    expect((await send({ authorization: 'Basic eDp5' })).statusCode).toBe(200);
    runner.tick();
    expect(runner.latestTick('messaging')?.demandRps).toBe(60);
    expect(runner.latestTick('messaging')?.level).toBe('normal');
    // an operator token is not an ingest token; an admin token is
    expect((await send(server.auth('operator'))).statusCode).toBe(200);
    runner.tick();
    expect(runner.latestTick('messaging')?.demandRps).toBeLessThan(1000);
    expect((await send(server.auth('admin'))).statusCode).toBe(200);
    runner.tick();
    expect(runner.latestTick('messaging')?.demandRps).toBeGreaterThan(1000);
  });

  test('answers 200 at any method and path below the service, between drills too', async ({ server }) => {
    const res = await server.app.inject({ method: 'PUT', url: '/t/docs/files/1/edit', payload: { a: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, service: 'docs', level: 'normal', delayMs: 0 });
  });

  test('counts weighted requests per wall second as the drill demand, by default at the drill scale', async ({ server }) => {
    await server.startDrill({ source: 'external', speed: 60, scale: 5, ...SURGE_WINDOW });
    const runner = server.drill();
    // a tick is 250 wall ms at speed 60
    for (let i = 0; i < 3; i++) expect((await hit(server, 'messaging', '100')).statusCode).toBe(200);
    await hit(server, 'docs');
    runner.tick();
    expect(runner.latestTick('messaging')?.demandRps).toBe(1200);
    expect(runner.latestTick('docs')?.demandRps).toBe(20);
    expect(runner.latestTick('meetings')?.demandRps).toBe(0);
  });

  test('answers after the simulated delay of the latest tick', async ({ server }) => {
    await server.startDrill({ source: 'external', speed: 60, ...SURGE_WINDOW });
    server.drill().tick();
    const res = await hit(server, 'messaging');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, service: 'messaging', level: 'normal', delayMs: 40 });
  });

  test('drops requests with 503 when the latest tick overflows the queue', async ({ server }) => {
    await server.startDrill({ source: 'external', speed: 60, ...SURGE_WINDOW });
    const runner = server.drill();
    await hit(server, 'messaging', '500000');
    runner.tick();
    const tick = runner.latestTick('messaging');
    expect(tick && tick.droppedRps / tick.demandRps).toBeGreaterThan(0.9);
    expect(tick?.throttledRps).toBe(0);
    const codes = (await statuses(server, 20)).map((r) => r.statusCode);
    expect(codes).toContain(503);
    expect(codes).not.toContain(429);
  });

  test('refuses with 429 and Retry-After in wall seconds while the plan throttles', async ({ server }) => {
    await server.startDrill({ source: 'external', speed: 10, ...SURGE_WINDOW });
    const runner = server.drill();
    const overload = async () => {
      await hit(server, 'messaging', '500000');
      runner.tick();
    };
    for (let i = 0; i < 20 && !(runner.latestTick('messaging')?.throttledRps ?? 0); i++) await overload();
    const tick = runner.latestTick('messaging');
    expect(tick && tick.throttledRps / tick.demandRps).toBeGreaterThan(0.9);
    const refused = (await statuses(server, 20)).filter((r) => r.statusCode === 429);
    expect(refused.length).toBeGreaterThan(0);
    // the plan's retryAfter of 30 scenario seconds at speed 10
    expect(refused[0]?.headers['retry-after']).toBe('3');
    expect(refused[0]?.json().error.code).toBe('traffic.throttled');
  });
});
