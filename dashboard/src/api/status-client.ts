/** One conditional GET of summary.json in a language; the answer maps onto polling.ts outcomes. */
import type { Language } from '../../../server/contracts.js';
import type { SpSummary } from './statuspage-types.js';
import { parseRetryAfter } from '../status/polling.js';

export type SummaryFetch =
  | { kind: 'changed'; etag: string | null; summary: SpSummary }
  | { kind: 'unchanged' }
  | { kind: 'failed'; retryAfterMs: number | null };

export function summaryUrl(language: Language, baseUrl = ''): string {
  return `${baseUrl}/api/v2/summary.json?lang=${encodeURIComponent(language)}`;
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
    if (!response.ok) return { kind: 'failed', retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), now()) };
    return { kind: 'changed', etag: response.headers.get('ETag'), summary: (await response.json()) as SpSummary };
  } catch {
    return { kind: 'failed', retryAfterMs: null };
  }
}
