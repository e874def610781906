/** One conditional GET of summary.json in a language; the answer maps onto polling.ts outcomes. */
import type { Language } from '../../../server/contracts.js';
import type { SpSummary } from '../../../server/status/statuspage-schemas.js';
import type { ApiError } from './api-client.js';
import { parseRetryAfter } from '../status/polling.js';

export type SummaryFetch =
  | { kind: 'changed'; etag: string | null; summary: SpSummary }
  | { kind: 'unchanged' }
  | { kind: 'failed'; retryAfterMs: number | null; denied?: Pick<ApiError, 'code' | 'message'> };

export function summaryUrl(language: Language, baseUrl = ''): string {
  return `${baseUrl}/api/v2/summary.json?lang=${encodeURIComponent(language)}`;
}

/** The server's reason for refusing a read: `{ error: { code, message } }`. */
async function deniedBy(response: Response): Promise<Pick<ApiError, 'code' | 'message'>> {
  try {
    const error = ((await response.json()) as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code === 'string' && typeof error.message === 'string') return { code: error.code as ApiError['code'], message: error.message };
  } catch {
    // not the server's JSON: fall through to the status alone
  }
  return { code: 'client.status', message: response.statusText || `HTTP ${response.status}` };
}

/** Request headers carrying the reader's token, when one is kept. */
export function authHeaders(token: string | null): Record<string, string> {
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

export async function fetchSummary(
  fetchFn: typeof fetch,
  language: Language,
  headers: Record<string, string>,
  now: () => number,
  baseUrl = '',
): Promise<SummaryFetch> {
  try {
    // no-cache: revalidate with the server (cheap 304) instead of trusting a stale browser copy.
    const response = await fetchFn(summaryUrl(language, baseUrl), { headers: { Accept: 'application/json', ...headers }, cache: 'no-cache' });
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now());
      const denied = response.status === 401 || response.status === 403 ? await deniedBy(response) : null;
      return denied ? { kind: 'failed', retryAfterMs, denied } : { kind: 'failed', retryAfterMs };
    }
    return { kind: 'changed', etag: response.headers.get('ETag'), summary: (await response.json()) as SpSummary };
  } catch {
    return { kind: 'failed', retryAfterMs: null };
  }
}
