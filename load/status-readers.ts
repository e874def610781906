/**
 * Thousands of people reloading the status page during the surge: every iteration is one
 * page load, fetching /api/v2/summary.json (what the page and integrations poll) and the
 * /status page itself, each with If-None-Match from the ETag this VU saw last, as a
 * browser does. Ramps to RATE loads per second, holds, and stops after DURATION.
 *
 *   k6 run -e BASE_URL=http://127.0.0.1:8080 -e RATE=500 -e DURATION=2m load/status-readers.ts
 */
import http from 'k6/http';
import type { RefinedResponse } from 'k6/http';
import { check } from 'k6';
import { Rate } from 'k6/metrics';
import type { Options } from 'k6/options';
import { statusReadersConfig } from './lib/config.ts';
import { requireReady } from './lib/drill-api.ts';
import { summaryOutputs } from './lib/summary-text.ts';
import type { SummaryData } from './lib/summary-text.ts';

const config = statusReadersConfig(__ENV);

export const options: Options = {
  scenarios: {
    readers: {
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      // a quick ramp, then the crowd keeps reloading at RATE until DURATION is up
      stages: [
        { duration: '10s', target: config.rate },
        { duration: config.duration, target: config.rate },
      ],
      preAllocatedVUs: Math.ceil(config.rate * 0.2) + 5,
      maxVUs: config.rate * 2 + 10,
      gracefulStop: '5s',
    },
  },
  thresholds: {
    'http_req_duration{page:summary}': [`p(95)<${config.p95Ms}`],
    'http_req_duration{page:status}': [`p(95)<${config.p95Ms}`],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
    // most reloads find nothing new: the server should say so instead of resending
    not_modified: ['rate>0.5'],
    dropped_iterations: [`count<${Math.max(20, Math.ceil(config.rate * 0.01))}`],
  },
  summaryTrendStats: ['avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 304));

const notModified = new Rate('not_modified');

// per VU: each VU is one reader whose browser cache holds the last ETag of each page
const etags: Record<string, string> = {};

function reload(page: string, path: string): RefinedResponse<'text'> {
  const etag = etags[path];
  const res = http.get(`${config.baseUrl}${path}`, {
    headers: etag === undefined ? {} : { 'If-None-Match': etag },
    tags: { page, name: path },
    responseType: 'text',
  });
  const fresh = res.headers.Etag ?? res.headers.ETag;
  if (fresh !== undefined) etags[path] = fresh;
  if (etag !== undefined) notModified.add(res.status === 304, { page });
  return res;
}

export function setup(): void {
  requireReady(config.baseUrl);
}

export default function (): void {
  const summary = reload('summary', '/api/v2/summary.json');
  check(summary, {
    'summary.json: 200 or 304': (r) => r.status === 200 || r.status === 304,
    'summary.json: 200 carries page, status and components': (r) =>
      r.status !== 200 || ['page', 'status', 'components'].every((key) => key in (r.json() as Record<string, unknown>)),
    'summary.json: carries an ETag': (r) => r.headers.Etag !== undefined || r.headers.ETag !== undefined,
  });
  const page = reload('status', '/status');
  check(page, {
    '/status: 200 or 304': (r) => r.status === 200 || r.status === 304,
    '/status: carries an ETag': (r) => r.headers.Etag !== undefined || r.headers.ETag !== undefined,
  });
}

export function handleSummary(data: SummaryData): Record<string, string> {
  return summaryOutputs('status-readers', data, config.summaryJson);
}
