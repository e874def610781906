/**
 * The few calls a k6 script makes to the drill API around its load: readiness, start,
 * stop and the report. They run in setup() and teardown(), tagged `name: drill-api` so
 * they stay apart from the replayed traffic in every metric.
 */
import http from 'k6/http';
import type { RefinedParams, RefinedResponse, ResponseType } from 'k6/http';
import exec from 'k6/execution';

/** POST /api/v1/drills body (server/contracts.ts, drill API). */
export interface DrillRequest {
  scenario: string;
  speed: number;
  source: 'generated' | 'external';
  policy?: string;
  from?: string;
  to?: string;
  demandFrom?: 'traffic' | 'metrics';
  scale?: number;
}

/** The fields of a DrillDto the scripts read. */
export interface Drill {
  id: string;
  status: 'running' | 'stopped' | 'finished' | 'interrupted';
  scenarioStart: string;
  scenarioEnd: string;
}

const control = (token: string | null, extra: Record<string, string> = {}): RefinedParams<'text'> => ({
  headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...extra },
  tags: { name: 'drill-api' },
  timeout: '10s',
  responseType: 'text',
});

function describe(res: RefinedResponse<ResponseType | undefined>): string {
  const body = typeof res.body === 'string' ? res.body.slice(0, 300) : '';
  return res.status === 0 ? `no answer (${res.error})` : `${res.status} ${body}`;
}

/** Stops the whole test before any load when the server is not ready: load against a dead target measures nothing. */
export function requireReady(baseUrl: string): void {
  const res = http.get(`${baseUrl}/readyz`, control(null));
  if (res.status !== 200) exec.test.abort(`${baseUrl}/readyz answered ${describe(res)}; start the server first (flashcrowd serve)`);
}

export function startDrill(baseUrl: string, token: string, request: DrillRequest): Drill {
  const res = http.post(`${baseUrl}/api/v1/drills`, JSON.stringify(request), control(token, { 'Content-Type': 'application/json' }));
  if (res.status === 409) exec.test.abort(`a drill is already running on ${baseUrl}: stop it first (POST /api/v1/drills/:id/stop)`);
  if (res.status !== 201) exec.test.abort(`starting the drill failed: ${describe(res)}`);
  return res.json() as unknown as Drill;
}

export function getDrill(baseUrl: string, token: string, id: string): Drill | null {
  const res = http.get(`${baseUrl}/api/v1/drills/${id}`, control(token));
  return res.status === 200 ? (res.json() as unknown as Drill) : null;
}

/** Stops the drill unless it already ended by itself at the end of its window; returns the status it ended with. */
export function stopIfRunning(baseUrl: string, token: string, id: string): string {
  const drill = getDrill(baseUrl, token, id);
  if (drill === null) return 'unknown';
  if (drill.status !== 'running') return drill.status;
  const res = http.post(`${baseUrl}/api/v1/drills/${id}/stop`, null, control(token));
  return res.status === 200 ? 'stopped' : `running (stop answered ${describe(res)})`;
}

/** The drill's Replay JSON, or null when the server has none. */
export function fetchReport(baseUrl: string, token: string, id: string): unknown {
  const res = http.get(`${baseUrl}/api/v1/drills/${id}/report.json`, control(token));
  return res.status === 200 ? res.json() : null;
}
