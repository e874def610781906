/**
 * The drill's simulated state as Prometheus series: one table, one row per metric, each
 * turning the latest tick of every service into samples. Labels are small closed sets
 * (service, kind, server state, level); nothing per tick or per notice, so cardinality stays
 * at services × states. Only `flashcrowd_drill_info` names the drill, one series at a time.
 */
import type { ServersByState, Tick } from '../core/engine/types.js';
import type { DrillKind } from '../drills/drill-runner.js';

export type { DrillKind };

/** What a scrape sees of the running drill: its identity and each service's latest tick. */
export interface DrillView {
  id: string;
  kind: DrillKind;
  scenario: string;
  /** the plan's levels, lowest first */
  levels: readonly string[];
  /** the drill's own clock (scenario time), epoch ms */
  scenarioNowMs: number;
  ticks: readonly Tick[];
}

export interface Sample {
  labels: Record<string, string>;
  value: number;
}

export interface SeriesSpec {
  name: string;
  help: string;
  labelNames: readonly string[];
  samples(view: DrillView): Sample[];
}

const SERVER_STATES: readonly (keyof ServersByState)[] = ['standby', 'provisioning', 'starting', 'active', 'draining'];

function perService(name: string, help: string, value: (tick: Tick, view: DrillView) => number | null): SeriesSpec {
  return {
    name,
    help,
    labelNames: ['service', 'kind'],
    samples: (view) => view.ticks.flatMap((tick) => {
      const v = value(tick, view);
      return v === null ? [] : [{ labels: { service: tick.service, kind: view.kind }, value: v }];
    }),
  };
}

/** Scenario seconds from the tick to the recovery the engine foresees; no sample while "not known yet". */
function recoverySeconds(tick: Tick): number | null {
  if (tick.expectedRecoveryAt === null) return null;
  return Math.max(0, (Date.parse(tick.expectedRecoveryAt) - Date.parse(tick.t)) / 1000);
}

export const DRILL_SERIES: readonly SeriesSpec[] = [
  {
    name: 'flashcrowd_drill_info',
    help: 'the drill (or live session) whose state the other flashcrowd_drill_ series show; always 1',
    labelNames: ['kind', 'drill', 'scenario'],
    samples: (view) => [{ labels: { kind: view.kind, drill: view.id, scenario: view.scenario }, value: 1 }],
  },
  {
    name: 'flashcrowd_drill_scenario_timestamp_seconds',
    help: "the drill's own clock: the scenario time of its latest tick, epoch seconds",
    labelNames: ['kind'],
    samples: (view) => [{ labels: { kind: view.kind }, value: view.scenarioNowMs / 1000 }],
  },
  perService('flashcrowd_drill_demand_rps', 'requests per second users send, latest tick', (t) => t.demandRps),
  perService('flashcrowd_drill_capacity_rps', 'requests per second the serving fleet can handle, latest tick', (t) => t.capacityRps),
  perService('flashcrowd_drill_served_rps', 'requests per second served, latest tick', (t) => t.servedRps),
  perService('flashcrowd_drill_throttled_rps', 'requests per second refused by throttling (429), latest tick', (t) => t.throttledRps),
  perService('flashcrowd_drill_dropped_rps', 'requests per second lost because the queue was full, latest tick', (t) => t.droppedRps),
  perService('flashcrowd_drill_backlog_requests', 'requests waiting in the queue, latest tick', (t) => t.backlog),
  perService('flashcrowd_drill_latency_seconds', 'simulated response time, latest tick', (t) => t.latencyMs / 1000),
  perService('flashcrowd_drill_level_rank', "the service's level as its position in the plan's levels (0 is normal), latest tick", (t, view) => {
    const rank = view.levels.indexOf(t.level);
    return rank < 0 ? null : rank;
  }),
  perService('flashcrowd_drill_expected_recovery_seconds', 'scenario seconds until the engine expects recovery; absent while not known yet', recoverySeconds),
  {
    name: 'flashcrowd_drill_servers',
    help: 'simulated servers by state, latest tick',
    labelNames: ['service', 'kind', 'state'],
    samples: (view) => view.ticks.flatMap((tick) => SERVER_STATES.map((state) => ({
      labels: { service: tick.service, kind: view.kind, state },
      value: tick.servers[state],
    }))),
  },
  {
    name: 'flashcrowd_drill_level',
    help: "1 for the service's current level, 0 for the plan's other levels, latest tick",
    labelNames: ['service', 'kind', 'level'],
    samples: (view) => view.ticks.flatMap((tick) => view.levels.map((level) => ({
      labels: { service: tick.service, kind: view.kind, level },
      value: tick.level === level ? 1 : 0,
    }))),
  },
];
