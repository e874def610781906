/**
 * Replays the Feb-3 spike of scenarios/feb3.json against a live drill: one
 * ramping-arrival-rate scenario per service follows the profile minute by minute,
 * compressed TIME_SCALE times, each k6 request standing for SCALE people's requests.
 * setup() starts the drill (same window, same compression), teardown() stops it and
 * prints what it did. See load/README.md for every variable.
 *
 *   k6 run -e FLASHCROWD_TOKEN=... -e BASE_URL=http://127.0.0.1:8080 load/feb3-spike.ts
 */
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import type { Options, Scenario } from 'k6/options';
import { spikeConfig } from './lib/config.ts';
import { fetchReport, requireReady, startDrill, stopIfRunning } from './lib/drill-api.ts';
import type { DrillRequest } from './lib/drill-api.ts';
import { formatInstant, offsetOf, parseInstant, phaseAt, scaleForPeak, scenarioInstant, serviceSchedule, vusFor } from './lib/profile.ts';
import type { ScenarioFile, ServiceSchedule } from './lib/profile.ts';
import { reportDigest } from './lib/report-digest.ts';
import { summaryOutputs } from './lib/summary-text.ts';
import type { SummaryData } from './lib/summary-text.ts';

const config = spikeConfig(__ENV);
const scenario = JSON.parse(open(config.scenarioFile)) as ScenarioFile;
const offset = offsetOf(scenario.start) ?? 'Z';

function instant(name: string, text: string): number {
  const ms = parseInstant(text, offset);
  if (ms === null) throw new Error(`${name}=${text}: expected an ISO 8601 time such as 2020-02-03T09:00 (local to the scenario) or with an offset`);
  return ms;
}

const fromMs = instant('FROM', config.from);
const toMs = instant('TO', config.to);
const overload = { fromMs: instant('OVERLOAD_FROM', config.overloadFrom), toMs: instant('OVERLOAD_TO', config.overloadTo) };
const scale = config.scale ?? scaleForPeak(scenario, fromMs, toMs, config.peakRequestsPerSecond);
const services = Object.keys(scenario.services).sort();
const schedules: ServiceSchedule[] = services.map((service) =>
  serviceSchedule(scenario, service, { fromMs, toMs, timeScale: config.timeScale, scale, timeUnitSeconds: config.timeUnitSeconds }),
);
const expectedIterations = schedules.reduce((sum, s) => sum + s.expectedIterations, 0);

function arrivalScenario(schedule: ServiceSchedule): Scenario {
  return {
    executor: 'ramping-arrival-rate',
    exec: 'replay',
    startRate: schedule.startRate,
    timeUnit: `${config.timeUnitSeconds}s`,
    stages: schedule.stages,
    ...vusFor(schedule.peakPerSecond, 2, 3),
    // the service tag becomes a label of every series in the remote-write output
    tags: { service: schedule.service },
    gracefulStop: '5s',
  };
}

function calmLatencyThresholds(): Record<string, string[]> {
  const slo = (service: string): number => config.sloMs.byService[service] ?? config.sloMs.otherwise;
  return Object.fromEntries(
    services.flatMap((service) =>
      (['before', 'after'] as const).map((phase) => [`calm_latency{service:${service},phase:${phase}}`, [`p(95)<${slo(service)}`]]),
    ),
  );
}

const PHASES = ['before', 'overload', 'after'] as const;

export const options: Options = {
  scenarios: Object.fromEntries(schedules.map((s) => [s.service, arrivalScenario(s)])),
  thresholds: {
    // answered within each service's objective outside the overload window
    ...calmLatencyThresholds(),
    // the drill throttles only the surge, still serves part of it, and lets go once it has capacity again
    'throttled{phase:before}': ['rate<0.01'],
    'throttled{phase:overload}': [`rate<${config.maxThrottledShare}`],
    'throttled{phase:after}': ['rate<0.05'],
    // 429 is an expected answer (see setResponseCallback); only errors and drops (503) fail
    'http_req_failed{phase:before}': ['rate<0.01'],
    'http_req_failed{phase:after}': ['rate<0.01'],
    http_req_failed: ['rate<0.10'],
    // load-generator health: iterations k6 could not start for want of a free VU
    dropped_iterations: [`count<${Math.max(20, Math.ceil(expectedIterations * 0.01))}`],
    // every window the thresholds above judge must have seen requests; k6 passes a threshold
    // on an empty window, so setup() records a zero for each and a real request counts one
    ...Object.fromEntries(PHASES.map((phase) => [`phase_requests{phase:${phase}}`, ['count>0']])),
    checks: ['rate>0.99'],
  },
  setupTimeout: '30s',
  teardownTimeout: '60s',
  summaryTrendStats: ['avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max', 'count'],
};

http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 429));

const throttledRequests = new Counter('throttled_requests');
const throttled = new Rate('throttled');
const droppedRequests = new Counter('dropped_requests');
const calmLatency = new Trend('calm_latency', true);
const phaseRequests = new Counter('phase_requests');

interface SetupData {
  drillId: string;
  reportUrl: string;
  scale: number;
  from: string;
  to: string;
}

export function setup(): SetupData {
  requireReady(config.baseUrl);
  const from = formatInstant(fromMs, offset);
  const to = formatInstant(toMs, offset);
  const request: DrillRequest = {
    scenario: scenario.name,
    speed: config.timeScale,
    source: 'external',
    from,
    to,
    demandFrom: config.demandFrom,
    scale,
    ...(config.policy === null ? {} : { policy: config.policy }),
  };
  const drill = startDrill(config.baseUrl, config.token, request);
  const reportUrl = `${config.baseUrl}/api/v1/drills/${drill.id}/report.html`;
  console.log(`drill ${drill.id}: ${from} to ${to} at ${config.timeScale}x, one request = ${scale} people's, demand from ${config.demandFrom}`);
  console.log(`drill report (ready when the drill ends): ${reportUrl}`);
  for (const phase of PHASES) phaseRequests.add(0, { phase });
  return { drillId: drill.id, reportUrl, scale, from, to };
}

export function replay(): void {
  const service = exec.scenario.name;
  const now = scenarioInstant(fromMs, Date.now() - exec.scenario.startTime, config.timeScale);
  const phase = phaseAt(now, overload);
  const res = http.get(`${config.baseUrl}/t/${service}/feb3`, {
    headers: { 'X-Flashcrowd-Weight': String(scale) },
    tags: { phase, name: `/t/${service}/feb3` },
    timeout: '10s',
  });
  phaseRequests.add(1, { phase });
  throttled.add(res.status === 429, { phase });
  if (res.status === 429) throttledRequests.add(1, { phase });
  if (res.status === 503) droppedRequests.add(1, { phase });
  if (res.status === 200 && phase !== 'overload') calmLatency.add(res.timings.duration, { phase });
  check(
    res,
    {
      'answered with 200, 429 or 503': (r) => r.status === 200 || r.status === 429 || r.status === 503,
      '429 says when to retry': (r) => r.status !== 429 || r.headers['Retry-After'] !== undefined,
    },
    { phase },
  );
}

export function teardown(data: SetupData): void {
  const status = stopIfRunning(config.baseUrl, config.token, data.drillId);
  console.log(`drill ${data.drillId} ${status}`);
  for (const line of reportDigest(fetchReport(config.baseUrl, config.token, data.drillId), offset)) console.log(line);
  console.log(`drill report: ${data.reportUrl}`);
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryOutputs('feb3-spike', data, config.summaryJson);
}
