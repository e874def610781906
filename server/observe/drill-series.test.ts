import { Registry } from 'prom-client';
import { describe, expect, test } from 'vitest';
import { sampleTick } from '../core/engine/test-tick.js';
import { registerDrillMetrics } from './drill-metrics.js';
import { DRILL_SERIES, type DrillView } from './drill-series.js';

const view = (over: Partial<DrillView> = {}): DrillView => ({
  id: 'd-1',
  kind: 'drill',
  scenario: 'feb3',
  levels: ['normal', 'watch', 'surge', 'critical'],
  scenarioNowMs: Date.parse('2020-02-03T01:00:00.000Z'),
  ticks: [sampleTick()],
  ...over,
});

const valuesOf = (name: string, v: DrillView): number[] =>
  DRILL_SERIES.find((s) => s.name === name)!.samples(v).map((s) => s.value);

describe('DRILL_SERIES', () => {
  test.each([
    // expectedRecoveryAt, level, expected recovery seconds, expected level rank
    [null, 'normal', [], [0]],
    ['2020-02-03T01:10:00.000Z', 'critical', [600], [3]],
    ['2020-02-03T00:59:00.000Z', 'surge', [0], [2]],
    ['2020-02-03T01:00:00.000Z', 'unlisted', [0], []],
  ] as const)('recovery %s at level %s', (expectedRecoveryAt, level, recovery, rank) => {
    const v = view({ ticks: [sampleTick({ expectedRecoveryAt, level })] });
    expect(valuesOf('flashcrowd_drill_expected_recovery_seconds', v)).toEqual(recovery);
    expect(valuesOf('flashcrowd_drill_level_rank', v)).toEqual(rank);
    expect(valuesOf('flashcrowd_drill_level', v)).toEqual(v.levels.map((l) => (l === level ? 1 : 0)));
  });

  test('latency is exposed in seconds, the Prometheus base unit', () => {
    expect(valuesOf('flashcrowd_drill_latency_seconds', view({ ticks: [sampleTick({ latencyMs: 1250 })] }))).toEqual([1.25]);
  });

  test('names follow Prometheus conventions and are unique', () => {
    const names = DRILL_SERIES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^flashcrowd_drill_[a-z_]+$/);
  });
});

describe('registerDrillMetrics', () => {
  test('series follow the view: present while it runs, gone when it returns null', async () => {
    const registry = new Registry();
    let current: DrillView | null = view({ ticks: [sampleTick(), sampleTick({ service: 'docs', demandRps: 7 })] });
    registerDrillMetrics(registry, () => current);
    const running = await registry.getSingleMetricAsString('flashcrowd_drill_demand_rps');
    expect(running).toContain('flashcrowd_drill_demand_rps{service="messaging",kind="drill"} 100');
    expect(running).toContain('flashcrowd_drill_demand_rps{service="docs",kind="drill"} 7');
    current = null;
    expect(await registry.metrics()).not.toMatch(/^flashcrowd_drill_\w+\{/m);
  });
});
