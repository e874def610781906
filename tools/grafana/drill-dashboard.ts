/**
 * The Grafana dashboard for drills, as code: one row per service (repeated over the
 * `service` variable) with a panel for each flashcrowd_drill_* series. `npm run
 * grafana:dashboard` writes it to dashboard/grafana/flashcrowd-drill.json, the file people
 * import; a test keeps the two equal.
 */
import { DashboardCursorSync, VariableHide, VariableRefresh, VariableSort, type Dashboard, type Panel, type RowPanel, type VariableModel } from '@grafana/schema';
import { DATASOURCE, query, stat, timeSeries } from './panels.js';

/** What Grafana's import asks for, and what it needs installed (the export format's extras). */
export type ExportedDashboard = Dashboard & {
  __inputs: { name: string; label: string; description: string; type: 'datasource'; pluginId: string; pluginName: string }[];
  __requires: { type: 'grafana' | 'datasource' | 'panel'; id: string; name: string; version: string }[];
};

const SEL = 'service="$service", kind=~"$kind"';

/** Targets for series of the service the row repeats for, lettered A, B, C in order. */
const perService = (series: readonly [metric: string, legend: string][], instant = false) =>
  series.map(([metric, legend], i) => query(String.fromCharCode(65 + i), `${metric}{${SEL}}`, legend, instant));

const variables: VariableModel[] = [
  {
    name: 'service',
    label: 'Service',
    type: 'query',
    datasource: DATASOURCE,
    query: { query: 'label_values(flashcrowd_drill_demand_rps, service)', refId: 'service' },
    refresh: VariableRefresh.onTimeRangeChanged,
    sort: VariableSort.alphabeticalAsc,
    multi: true,
    includeAll: true,
    hide: VariableHide.dontHide,
    skipUrlSync: false,
  },
  {
    name: 'kind',
    label: 'Kind',
    description: 'drill: a rehearsal; live: the session on incoming metrics between drills',
    type: 'custom',
    query: 'drill,live',
    multi: false,
    includeAll: true,
    allValue: '.+',
    current: { selected: true, text: 'All', value: '$__all' },
    options: [
      { selected: true, text: 'All', value: '$__all' },
      { selected: false, text: 'drill', value: 'drill' },
      { selected: false, text: 'live', value: 'live' },
    ],
    hide: VariableHide.dontHide,
    skipUrlSync: false,
  },
];

function panels(): (Panel | RowPanel)[] {
  let id = 0;
  const next = (): number => ++id;
  const at = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });
  return [
    stat({
      id: next(), title: 'Drill', gridPos: at(0, 0, 12, 4), showName: true, noValue: 'no drill running',
      description: 'The drill (or the live session between drills) whose simulated state this dashboard shows.',
      targets: [query('A', 'flashcrowd_drill_info{kind=~"$kind"}', '{{kind}} {{drill}} ({{scenario}})', true)],
    }),
    stat({
      id: next(), title: 'Scenario clock', gridPos: at(12, 0, 12, 4), unit: 'dateTimeAsIso', noValue: 'no drill running',
      description: "The drill's own clock: the scenario time of its latest tick. A drill runs faster than the wall clock.",
      targets: [query('A', 'flashcrowd_drill_scenario_timestamp_seconds{kind=~"$kind"} * 1000', '{{kind}}', true)],
    }),
    { id: next(), type: 'row', title: '$service', collapsed: false, repeat: 'service', gridPos: at(0, 4, 24, 1), panels: [] },
    timeSeries({
      id: next(), title: 'Demand, capacity and served', gridPos: at(0, 5, 12, 8), unit: 'reqps',
      description: 'Requests per second users send, the serving fleet can handle, and that were served.',
      targets: perService([['flashcrowd_drill_demand_rps', 'demand'], ['flashcrowd_drill_capacity_rps', 'capacity'], ['flashcrowd_drill_served_rps', 'served']]),
    }),
    timeSeries({
      id: next(), title: 'Throttled and dropped', gridPos: at(12, 5, 12, 8), unit: 'reqps',
      description: 'Requests per second refused by throttling (429), and lost because the queue was full.',
      targets: perService([['flashcrowd_drill_throttled_rps', 'throttled'], ['flashcrowd_drill_dropped_rps', 'dropped']]),
    }),
    timeSeries({
      id: next(), title: 'Backlog', gridPos: at(0, 13, 8, 8),
      description: 'Requests waiting in the queue.',
      targets: perService([['flashcrowd_drill_backlog_requests', 'queued requests']]),
    }),
    timeSeries({
      id: next(), title: 'Latency', gridPos: at(8, 13, 8, 8), unit: 's',
      description: 'Simulated response time.',
      targets: perService([['flashcrowd_drill_latency_seconds', 'latency']]),
    }),
    timeSeries({
      id: next(), title: 'Servers by state', gridPos: at(16, 13, 8, 8), stacked: true,
      description: 'Simulated servers: standby, provisioning (cold), starting (booting or warming), active (serving), draining.',
      targets: perService([['flashcrowd_drill_servers', '{{state}}']]),
    }),
    stat({
      id: next(), title: 'Level now', gridPos: at(0, 21, 6, 6), showName: true, noValue: 'no tick yet',
      description: "The level the plan's triggers put the service at.",
      targets: [query('A', `flashcrowd_drill_level{${SEL}} == 1`, '{{level}}', true)],
    }),
    timeSeries({
      id: next(), title: 'Level', gridPos: at(6, 21, 10, 6), stepped: true,
      description: "The level as its position in the plan's levels: 0 is normal, higher is more severe.",
      targets: perService([['flashcrowd_drill_level_rank', 'level rank']]),
    }),
    stat({
      id: next(), title: 'Expected recovery in', gridPos: at(16, 21, 8, 6), unit: 's', noValue: 'not known yet',
      description: 'Scenario time until the engine expects the service to recover, predicted by running the plan forward from the present state.',
      targets: perService([['flashcrowd_drill_expected_recovery_seconds', '{{kind}}']], true),
    }),
  ];
}

export function drillDashboard(): ExportedDashboard {
  return {
    __inputs: [{ name: 'DS_PROMETHEUS', label: 'Prometheus', description: "The Prometheus that scrapes flashcrowd's /metrics", type: 'datasource', pluginId: 'prometheus', pluginName: 'Prometheus' }],
    __requires: [
      { type: 'grafana', id: 'grafana', name: 'Grafana', version: '10.0.0' },
      { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
      { type: 'panel', id: 'timeseries', name: 'Time series', version: '' },
      { type: 'panel', id: 'stat', name: 'Stat', version: '' },
    ],
    uid: 'flashcrowd-drill',
    title: 'Flashcrowd drill',
    description: 'The simulated state of a running flashcrowd drill (or the live session), per service, from the flashcrowd_drill_* series on /metrics.',
    tags: ['flashcrowd'],
    editable: true,
    graphTooltip: DashboardCursorSync.Crosshair,
    timezone: 'browser',
    refresh: '5s',
    time: { from: 'now-30m', to: 'now' },
    fiscalYearStartMonth: 0,
    liveNow: false,
    links: [],
    annotations: { list: [] },
    templating: { list: variables },
    panels: panels(),
    schemaVersion: 39,
    version: 1,
  };
}
