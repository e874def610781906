/**
 * A drill as the monitoring teams see it: Debian's Prometheus scrapes a drill server on
 * loopback every second, and its query API must answer with exactly what the engine
 * produced. The drill's clock is the test's (testClock()), so the values hold still
 * while Prometheus scrapes them. CI installs prometheus (.ci/run); elsewhere the suite
 * skips, loudly, when it is missing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Tick } from '../../server/core/engine/types.js';
import { dashboardExprs, substitute } from '../grafana/dashboard-exprs.js';
import { expectedSeries } from '../prometheus/expected-series.js';
import { PROMETHEUS_BIN, prometheusPlan, startPrometheus, type PromSample, type RunningPrometheus } from '../prometheus/prometheus-process.js';
import { createTestServer, SURGE_WINDOW, tickUntil, type TestServer } from '../server/fixtures.js';

const plan = prometheusPlan();
if (!plan.available && !plan.required) {
  console.warn(`\n*** SKIPPING the Prometheus end-to-end test: no ${PROMETHEUS_BIN}. To run it: apt-get install prometheus ***\n`);
}

const sameLabels = (sample: PromSample, labels: Record<string, string>): boolean =>
  Object.entries(labels).every(([k, v]) => sample.metric[k] === v);

describe.skipIf(!plan.available && !plan.required)('Prometheus scraping a drill', () => {
  let server: TestServer;
  let prometheus: RunningPrometheus | null = null;

  beforeAll(async () => {
    if (!plan.available) throw new Error(`CI is set and there is no ${PROMETHEUS_BIN}: install it (apt-get install prometheus); this suite must not be skipped in CI`);
    server = await createTestServer();
    const base = await server.listen();
    prometheus = await startPrometheus(new URL(base));
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await server?.close();
  }, 30_000);

  test('every drill series in Prometheus equals the latest tick the engine produced', async () => {
    const prom = prometheus!;
    const drill = await server.startDrill(SURGE_WINDOW);
    const runner = server.drill();
    const latest = (): Tick[] => Object.keys(server.plan.services).flatMap((s) => runner.latestTick(s) ?? []);
    // into the 09:00 wave, where levels rise, servers provision and throttling starts
    tickUntil(runner, () => latest().some((t) => t.throttledRps > 0), 300);
    const expected = expectedSeries(latest(), 'drill', server.plan.levels);

    await prom.waitFor('up{job="flashcrowd"}', (r) => r[0]?.value === 1);
    await prom.waitFor(`flashcrowd_drill_info{drill="${drill.id}"}`, (r) => r.length === 1);
    const byName = new Map<string, PromSample[]>();
    for (const name of new Set(expected.map((e) => e.name))) byName.set(name, await prom.query(`${name}{kind="drill"}`));
    for (const e of expected) {
      const found = (byName.get(e.name) ?? []).filter((s) => sameLabels(s, e.labels));
      expect(found.map((s) => s.value), `${e.name} ${JSON.stringify(e.labels)}`).toEqual([e.value]);
    }
    expect(latest().some((t) => t.level !== 'normal')).toBe(true);
    const throttled = await prom.query('sum(flashcrowd_drill_throttled_rps{kind="drill"})');
    expect(throttled[0]?.value).toBeCloseTo(latest().reduce((sum, t) => sum + t.throttledRps, 0), 6);

    // every query of the Grafana dashboard is valid PromQL and finds the drill; the expected
    // recovery panel finds nothing exactly while the engine says the time is not known yet
    for (const service of Object.keys(server.plan.services)) {
      const foreseen = latest().find((t) => t.service === service)?.expectedRecoveryAt != null;
      for (const e of dashboardExprs()) {
        const found = await prom.query(substitute(e.expr, service));
        const where = `${e.panel}: ${substitute(e.expr, service)}`;
        if (e.expr.includes('expected_recovery') && !foreseen) expect(found, where).toEqual([]);
        else expect(found.length, where).toBeGreaterThan(0);
      }
    }

    // stopped: the drill's series leave the target, and Prometheus marks them stale
    const stop = await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/stop`, headers: server.auth('operator') });
    expect(stop.statusCode).toBe(200);
    await prom.waitFor('flashcrowd_drill_demand_rps{kind="drill"}', (r) => r.length === 0);
    await prom.waitFor('flashcrowd_drill_info{kind="live"}', (r) => r.length === 1);
  }, 120_000);
});
