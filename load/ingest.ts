/**
 * Metric batches pushed to POST /api/v1/metrics as fast as the server accepts them, for
 * the ingest benchmarks: VUS loops post back to back, each batch BATCH_SIZE samples of
 * the SERVICES, until ITERATIONS batches are in or DURATION is up, whichever comes first.
 * `ingested_samples` counts the samples the server accepted (202). The server limits
 * ingest per token (--ingest-rate-limit, 600 requests a minute by default): a 429 is
 * counted in `rate_limited_batches`, not as a failure, and the VU waits out its
 * Retry-After as a well-behaved agent does; raise the limit to measure the ingest path.
 *
 *   k6 run -e FLASHCROWD_TOKEN=... -e VUS=8 -e BATCH_SIZE=500 load/ingest.ts
 */
import http from 'k6/http';
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import { ingestConfig } from './lib/config.ts';
import { requireReady } from './lib/drill-api.ts';
import { summaryOutputs } from './lib/summary-text.ts';
import type { SummaryData } from './lib/summary-text.ts';

const config = ingestConfig(__ENV);

export const options: Options = {
  scenarios: {
    ingest: {
      // a fixed number of VUs sharing a fixed number of batches: as fast as the server answers, bounded both ways
      executor: 'shared-iterations',
      vus: config.vus,
      iterations: config.iterations,
      maxDuration: config.duration,
      gracefulStop: '5s',
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{name:metrics}': ['p(95)<500'],
    checks: ['rate>0.99'],
  },
  summaryTrendStats: ['avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

http.setResponseCallback(http.expectedStatuses(202, 429));

const ingestedSamples = new Counter('ingested_samples');
const rateLimited = new Counter('rate_limited_batches');

export function setup(): void {
  requireReady(config.baseUrl);
}

/** A batch of distinct, plausible samples: per service a run of consecutive seconds ending now. */
function batch(iteration: number, nowMs: number): string {
  const samples = [];
  for (let i = 0; i < config.batchSize; i += 1) {
    const service = config.services[i % config.services.length] ?? 'messaging';
    const second = Math.floor(i / config.services.length);
    samples.push({
      service,
      timestamp: nowMs - (config.batchSize - second) * 1000,
      rps: 1000 + ((iteration * 37 + i * 11) % 500),
      latencyMs: 80 + (i % 40),
      errorRate: 0.001,
    });
  }
  return JSON.stringify({ samples });
}

export default function (): void {
  const res = http.post(`${config.baseUrl}/api/v1/metrics`, batch(exec.scenario.iterationInTest, Date.now()), {
    headers: { Authorization: `Bearer ${config.token}`, 'Content-Type': 'application/json' },
    tags: { name: 'metrics' },
  });
  check(res, { 'batch accepted (202) or rate limited (429)': (r) => r.status === 202 || r.status === 429 });
  if (res.status === 202) ingestedSamples.add(config.batchSize);
  if (res.status === 429) {
    rateLimited.add(1);
    sleep(Math.min(Number(res.headers['Retry-After'] ?? 1) || 1, 60));
  }
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryOutputs('ingest', data, config.summaryJson);
}
