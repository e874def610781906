/**
 * The running drill's simulated state on a prom-client registry. Values are read at scrape
 * time from the drill's latest ticks, so they are always the latest tick's, and a finished
 * drill's series vanish with it: every collect starts from an empty gauge.
 */
import { Gauge, type Registry } from 'prom-client';
import type { DrillRunner } from '../drills/drill-runner.js';
import { DRILL_SERIES, type DrillView } from './drill-series.js';

export function registerDrillMetrics(registry: Registry, view: () => DrillView | null): void {
  for (const spec of DRILL_SERIES) {
    new Gauge({
      name: spec.name,
      help: spec.help,
      labelNames: spec.labelNames,
      registers: [registry],
      collect() {
        this.reset();
        const v = view();
        if (v) for (const s of spec.samples(v)) this.set(s.labels, s.value);
      },
    });
  }
}

/** The running drill as a scrape sees it; null between drills when no live session runs. */
export function drillView(runner: DrillRunner | null): DrillView | null {
  if (!runner || runner.status !== 'running') return null;
  const { spec } = runner;
  const ticks = Object.keys(spec.plan.services).flatMap((service) => runner.latestTick(service) ?? []);
  return {
    id: spec.id,
    kind: spec.kind,
    scenario: spec.scenarioName,
    levels: spec.plan.levels,
    scenarioNowMs: Date.parse(runner.dto().scenarioNow),
    ticks,
  };
}
