import { describe, expect } from 'vitest';
import type { Tick } from '../../server/core/engine/types.js';
import { parseExposition, samplesOf, type ScrapedSample } from '../prometheus/exposition.js';
import { expectedSeries } from '../prometheus/expected-series.js';
import { SURGE_WINDOW, test, tickUntil, type TestServer } from './fixtures.js';

async function scrape(server: TestServer): Promise<ScrapedSample[]> {
  const res = await server.app.inject({ url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(res.body);
}

function latestTicks(server: TestServer): Tick[] {
  const runner = server.drill();
  return Object.keys(server.plan.services).flatMap((s) => runner.latestTick(s) ?? []);
}

describe('the drill on /metrics', () => {
  test('every series carries the latest tick of every service', async ({ server }) => {
    const drill = await server.startDrill(SURGE_WINDOW);
    // into the 09:00 wave, where levels rise, servers provision and throttling starts
    tickUntil(server.drill(), () => latestTicks(server).some((t) => t.throttledRps > 0), 300);
    const scraped = await scrape(server);
    const expected = expectedSeries(latestTicks(server), 'drill', server.plan.levels);
    expect(expected.length).toBeGreaterThan(Object.keys(server.plan.services).length * 10);
    for (const e of expected) {
      expect(samplesOf(scraped, e.name, e.labels).map((s) => s.value), `${e.name} ${JSON.stringify(e.labels)}`).toEqual([e.value]);
    }
    expect(samplesOf(scraped, 'flashcrowd_drill_info')).toEqual([{ name: 'flashcrowd_drill_info', labels: { kind: 'drill', drill: drill.id, scenario: 'feb3' }, value: 1 }]);
    expect(samplesOf(scraped, 'flashcrowd_drill_scenario_timestamp_seconds', { kind: 'drill' })[0]?.value).toBe(Date.parse(server.drill().dto().scenarioNow) / 1000);
  });

  test('labels stay within small closed sets, whatever the drill did', async ({ server }) => {
    await server.startDrill(SURGE_WINDOW);
    for (let i = 0; i < 60; i++) server.drill().tick();
    const drillSeries = (await scrape(server)).filter((s) => s.name.startsWith('flashcrowd_drill_') && s.name !== 'flashcrowd_drill_info');
    const allowed: Record<string, Set<string>> = {
      service: new Set(Object.keys(server.plan.services)),
      kind: new Set(['drill', 'live']),
      state: new Set(['standby', 'provisioning', 'starting', 'active', 'draining']),
      level: new Set(server.plan.levels),
    };
    for (const s of drillSeries) {
      for (const [k, v] of Object.entries(s.labels)) expect(allowed[k]?.has(v), `${s.name} ${k}="${v}"`).toBe(true);
    }
  });

  test("a stopped drill's series go away; the live session's take their place", async ({ server }) => {
    const drill = await server.startDrill(SURGE_WINDOW);
    for (let i = 0; i < 5; i++) server.drill().tick();
    expect(samplesOf(await scrape(server), 'flashcrowd_drill_demand_rps', { kind: 'drill' })).toHaveLength(Object.keys(server.plan.services).length);
    const stop = await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/stop`, headers: server.auth('operator') });
    expect(stop.statusCode).toBe(200);
    const after = await scrape(server);
    expect(after.filter((s) => s.labels.kind === 'drill')).toEqual([]);
    expect(samplesOf(after, 'flashcrowd_drill_info')).toEqual([expect.objectContaining({ labels: expect.objectContaining({ kind: 'live', scenario: 'live' }) })]);
  });

  test('before the first tick a drill shows who it is and no service values yet', async ({ server }) => {
    await server.startDrill(SURGE_WINDOW);
    const scraped = await scrape(server);
    expect(samplesOf(scraped, 'flashcrowd_drill_info', { kind: 'drill' })).toHaveLength(1);
    expect(samplesOf(scraped, 'flashcrowd_drill_demand_rps')).toEqual([]);
  });
});
