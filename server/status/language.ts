/**
 * The language a request is answered in: `?lang=` first, then Accept-Language (with
 * q-values; a range matches a tag equal to it or beginning with it, and is shortened
 * from the right until something matches, as in RFC 4647 lookup), then the default.
 */
import { LANGUAGES } from '../core/plan/types.js';
import type { Language } from '../core/plan/types.js';

function matchRange(range: string): Language | null {
  let r = range.toLowerCase();
  while (r) {
    const prefix = r;
    const hit = LANGUAGES.find((l) => l.toLowerCase() === prefix || l.toLowerCase().startsWith(`${prefix}-`));
    if (hit) return hit;
    r = r.includes('-') ? r.slice(0, r.lastIndexOf('-')) : '';
  }
  return null;
}

function fromAcceptLanguage(header: string): Language | null {
  const ranges = header
    .split(',')
    .map((part, i) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { range: range.trim(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => r.range && r.range !== '*' && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { range } of ranges) {
    const hit = matchRange(range);
    if (hit) return hit;
  }
  return null;
}

export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined, fallback: Language): Language {
  return (query ? matchRange(query) : null) ?? (acceptLanguage ? fromAcceptLanguage(acceptLanguage) : null) ?? fallback;
}
