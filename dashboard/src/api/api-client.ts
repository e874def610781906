/**
 * The operator dashboard's calls to the HTTP API, typed against server/contracts.ts. The
 * token is read on every call (it can be entered or forgotten at any time) and sent as a
 * Bearer token. Answers come in the server's one result shape: `{ ok: true, value }`, or
 * `{ ok: false, errors: [error] }` with the server's error code, its message, the field and
 * the HTTP status.
 */
import type { DomainError, DrillDto, EngineEvent, IncidentStageName, Language, Notice, PlanSummary, PolicyName, PromiseRecord, Result } from './api-types.js';

/** what the client names itself when no answer in the server's error shape came */
export type ClientErrorCode = 'client.network' | 'client.not-json' | 'client.status';

export interface ApiError extends Omit<DomainError, 'code'> {
  code: DomainError['code'] | ClientErrorCode;
  /** HTTP status, or 0 when the request never got an answer */
  status: number;
}

export type ApiResult<T> = Result<T, ApiError>;

const failed = (error: ApiError): { ok: false; errors: ApiError[] } => ({ ok: false, errors: [error] });

export interface PlanInForce extends PlanSummary {
  /** the plan's YAML text as written; only an operator or admin token may read it, null otherwise */
  raw: string | null;
}

export interface StartDrillRequest {
  scenario: string;
  speed: number;
  policy?: PolicyName;
  source: 'generated' | 'external';
  from?: string;
  to?: string;
}

export interface NoticeRequest {
  service: string;
  stage: IncidentStageName;
  text: Record<Language, { title: string; body: string }>;
  cause?: Record<Language, string>;
  expectedDelayMs?: number;
  expectedRecoveryAt?: string;
}

export interface ApiClientOptions {
  fetch: typeof fetch;
  /** '' for the same origin */
  baseUrl?: string;
  token: () => string | null;
}

export interface ApiClient {
  getPlan(): Promise<ApiResult<PlanInForce>>;
  whoami(): Promise<ApiResult<{ name: string; role: string }>>;
  listDrills(status?: DrillDto['status']): Promise<ApiResult<{ drills: DrillDto[] }>>;
  getDrill(id: string): Promise<ApiResult<DrillDto>>;
  drillEvents(id: string, type: string): Promise<ApiResult<{ events: EngineEvent[] }>>;
  drillNotices(id: string): Promise<ApiResult<{ notices: Notice[] }>>;
  /** the promise record per service, from the drill's report */
  drillPromises(id: string): Promise<ApiResult<Record<string, PromiseRecord>>>;
  startDrill(request: StartDrillRequest): Promise<ApiResult<DrillDto>>;
  stopDrill(id: string): Promise<ApiResult<DrillDto>>;
  scale(drillId: string, service: string, desired: number): Promise<ApiResult<unknown>>;
  postNotice(request: NoticeRequest): Promise<ApiResult<unknown>>;
  reportUrl(drillId: string, format: 'json' | 'html'): string;
}

/** Reads `{ error: { code, message, field } }`, the server's 4xx shape, falling back to the status text. */
async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  return {
    status: response.status,
    // the server answers with codes of its vocabulary only (checked against the API document in its tests)
    code: typeof error?.code === 'string' ? (error.code as DomainError['code']) : 'client.status',
    message: typeof error?.message === 'string' ? error.message : response.statusText || `HTTP ${response.status}`,
    ...(typeof error?.field === 'string' ? { field: error.field } : {}),
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl ?? '';

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (cause) {
      return failed({ status: 0, code: 'client.network', message: cause instanceof Error ? cause.message : String(cause) });
    }
    if (!response.ok) return failed(await errorOf(response));
    if (response.status === 204) return { ok: true, value: undefined as T };
    try {
      return { ok: true, value: (await response.json()) as T };
    } catch {
      return failed({ status: response.status, code: 'client.not-json', message: 'The server answered with something that is not JSON.' });
    }
  }

  const drillPath = (id: string): string => `/api/v1/drills/${encodeURIComponent(id)}`;

  return {
    async getPlan() {
      const summary = await call<PlanSummary>('GET', '/api/v1/plan');
      if (!summary.ok) return summary;
      const source = options.token() === null ? null : await call<{ raw: string }>('GET', '/api/v1/plan/source');
      return { ok: true, value: { ...summary.value, raw: source?.ok ? source.value.raw : null } };
    },
    whoami: () => call('GET', '/api/v1/whoami'),
    listDrills: (status) => call('GET', `/api/v1/drills${status ? `?status=${encodeURIComponent(status)}` : ''}`),
    getDrill: (id) => call('GET', drillPath(id)),
    drillEvents: (id, type) => call('GET', `${drillPath(id)}/events?type=${encodeURIComponent(type)}&limit=10000`),
    drillNotices: (id) => call('GET', `${drillPath(id)}/notices`),
    async drillPromises(id) {
      const report = await call<{ summary: { services: Record<string, { promises: PromiseRecord }> } }>('GET', `${drillPath(id)}/report.json`);
      if (!report.ok) return report;
      return { ok: true, value: Object.fromEntries(Object.entries(report.value.summary.services).map(([name, s]) => [name, s.promises])) };
    },
    startDrill: (request) => call('POST', '/api/v1/drills', request),
    stopDrill: (id) => call('POST', `${drillPath(id)}/stop`),
    scale: (drillId, service, desired) => call('POST', `${drillPath(drillId)}/scale`, { service, desired }),
    postNotice: (request) => call('POST', '/api/v1/notices', request),
    reportUrl: (drillId, format) => `${base}${drillPath(drillId)}/report.${format}`,
  };
}
