/**
 * Load configuration from the environment (`k6 run -e NAME=value` or the shell), read
 * once in the init context and kept apart from the request code. A bad value throws in
 * the init context, so k6 stops before sending anything and names the variable to fix.
 * load/README.md lists every variable.
 */

export type Env = Record<string, string | undefined>;

export interface SpikeConfig {
  baseUrl: string;
  token: string;
  /** relative paths are read from load/, as k6's open() does */
  scenarioFile: string;
  /** window and overload window: ISO 8601, local to the scenario when written without an offset */
  from: string;
  to: string;
  overloadFrom: string;
  overloadTo: string;
  timeScale: number;
  /** people's requests per k6 request; null: the smallest that keeps the peak under peakRequestsPerSecond */
  scale: number | null;
  peakRequestsPerSecond: number;
  /** seconds; targets are counted per timeUnit, so a longer unit gives finer rates */
  timeUnitSeconds: number;
  policy: string | null;
  demandFrom: 'traffic' | 'metrics';
  /** latency objective per service, ms; `otherwise` for services not named */
  sloMs: { byService: Record<string, number>; otherwise: number };
  /** the share of requests the plan may refuse (429) in the overload window */
  maxThrottledShare: number;
  summaryJson: string;
}

export interface StatusReadersConfig {
  baseUrl: string;
  /** page loads per second (each load fetches summary.json and /status) */
  rate: number;
  duration: string;
  p95Ms: number;
  summaryJson: string;
}

export interface IngestConfig {
  baseUrl: string;
  token: string;
  vus: number;
  iterations: number;
  duration: string;
  batchSize: number;
  services: string[];
  summaryJson: string;
}

const DURATION = /^(\d+(\.\d+)?(ms|s|m|h))+$/;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

function required(env: Env, name: string, why: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set: ${why}`);
  return value;
}

function positive(env: Env, name: string, fallback: number, integer = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name}=${raw}: expected a ${integer ? 'whole ' : ''}number above 0`);
  }
  return value;
}

function duration(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  if (!DURATION.test(value)) throw new Error(`${name}=${value}: expected a k6 duration such as 90s, 2m or 1m30s`);
  return value;
}

function baseUrl(env: Env): string {
  return text(env, 'BASE_URL', 'http://127.0.0.1:8080').replace(/\/+$/, '');
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = text(env, name, fallback);
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${name}=${value}: expected one of ${allowed.join(', ')}`);
  return value as T;
}

/** The latency objectives of scenarios/plans/default.yaml; a script cannot ask the server before its thresholds are fixed. */
const DEFAULT_PLAN_SLOS = 'messaging=500,meetings=800,docs=600,500';

/** "messaging=500,meetings=800,600": per service, and a bare number for every other service. */
export function sloTable(value: string): SpikeConfig['sloMs'] {
  const table: SpikeConfig['sloMs'] = { byService: {}, otherwise: Number.NaN };
  for (const entry of value.split(',').map((e) => e.trim())) {
    const [name, ms] = entry.includes('=') ? entry.split('=') : [null, entry];
    const n = Number(ms);
    if (!Number.isFinite(n) || n <= 0 || name === '') throw new Error(`SLO_MS=${value}: expected ms, or service=ms entries such as messaging=500,meetings=800,600`);
    if (name === null || name === undefined) table.otherwise = n;
    else table.byService[name] = n;
  }
  if (Number.isNaN(table.otherwise)) table.otherwise = Math.min(...Object.values(table.byService));
  return table;
}

export function spikeConfig(env: Env): SpikeConfig {
  const scale = env.SCALE === undefined || env.SCALE === '' ? null : positive(env, 'SCALE', 1, true);
  const policy = text(env, 'POLICY', '');
  return {
    baseUrl: baseUrl(env),
    token: required(env, 'FLASHCROWD_TOKEN', 'an operator token is needed to start and stop the drill'),
    scenarioFile: text(env, 'SCENARIO_FILE', '../scenarios/feb3.json'),
    from: text(env, 'FROM', '2020-02-03T06:00'),
    to: text(env, 'TO', '2020-02-03T12:30'),
    overloadFrom: text(env, 'OVERLOAD_FROM', '2020-02-03T08:45'),
    overloadTo: text(env, 'OVERLOAD_TO', '2020-02-03T10:30'),
    timeScale: positive(env, 'TIME_SCALE', 60),
    scale,
    peakRequestsPerSecond: positive(env, 'PEAK_RPS', 300),
    timeUnitSeconds: positive(env, 'TIME_UNIT_SECONDS', 60, true),
    policy: policy === '' ? null : oneOf(env, 'POLICY', ['step', 'target-tracking', 'predictive', 'none'], 'step'),
    demandFrom: oneOf(env, 'DEMAND_FROM', ['traffic', 'metrics'], 'traffic'),
    sloMs: sloTable(text(env, 'SLO_MS', DEFAULT_PLAN_SLOS)),
    maxThrottledShare: positive(env, 'MAX_THROTTLED_SHARE', 0.5),
    summaryJson: text(env, 'SUMMARY_JSON', 'load/results/feb3-summary.json'),
  };
}

export function statusReadersConfig(env: Env): StatusReadersConfig {
  return {
    baseUrl: baseUrl(env),
    rate: positive(env, 'RATE', 200, true),
    duration: duration(env, 'DURATION', '1m'),
    p95Ms: positive(env, 'P95_MS', 250),
    summaryJson: text(env, 'SUMMARY_JSON', 'load/results/status-readers-summary.json'),
  };
}

export function ingestConfig(env: Env): IngestConfig {
  return {
    baseUrl: baseUrl(env),
    token: required(env, 'FLASHCROWD_TOKEN', 'an ingest (or higher) token is needed to post metrics'),
    vus: positive(env, 'VUS', 4, true),
    iterations: positive(env, 'ITERATIONS', 20_000, true),
    duration: duration(env, 'DURATION', '30s'),
    batchSize: positive(env, 'BATCH_SIZE', 100, true),
    services: text(env, 'SERVICES', 'messaging,meetings,docs').split(',').map((s) => s.trim()).filter((s) => s !== ''),
    summaryJson: text(env, 'SUMMARY_JSON', 'load/results/ingest-summary.json'),
  };
}
