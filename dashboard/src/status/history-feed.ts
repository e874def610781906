/** incidents.json in the page's language, for the past-incidents section; null when it cannot be read. */
import type { Language } from '../api/api-types.js';
import type { SpIncident } from '../../../server/status/statuspage-schemas.js';

/** `headers`: a reader's token on a server with private reads */
export async function fetchIncidents(fetchFn: typeof fetch, language: Language, headers: Record<string, string> = {}): Promise<SpIncident[] | null> {
  try {
    // no-cache: revalidate (a cheap 304 via the ETag) instead of trusting a stale copy
    const response = await fetchFn(`/api/v2/incidents.json?lang=${encodeURIComponent(language)}`, { headers: { Accept: 'application/json', ...headers }, cache: 'no-cache' });
    if (!response.ok) return null;
    const body = (await response.json()) as { incidents?: SpIncident[] };
    return Array.isArray(body.incidents) ? body.incidents : null;
  } catch {
    return null;
  }
}
