/**
 * One incident's public page at /incidents/:id, the target of every incident link we publish
 * (Statuspage shortlinks, feed entries, webhooks). Rendered on the server from the same
 * Statuspage incident as /api/v2/incidents/:id.json, so the page and the document cannot
 * disagree; plain HTML with no script, cheap to serve to many readers.
 */
import type { Language } from '../core/plan/types.js';
import { usersFineAfter } from './levels.js';
import type { SpIncident, SpIncidentUpdate } from './statuspage-schemas.js';
import { INCIDENT_PAGE_WORDS, STAGE_LABEL } from './texts.js';
import { escapeXml as esc } from './xml.js';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}
a{color:#1f5fbf}h1{font-size:1.5rem;margin:.5rem 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}dt{color:#52606d}dd{margin:0}
.update{border-top:1px solid #d9e2ec;padding:.75rem 0}.stage{font-weight:600}.status-resolved{color:#2f855a}.status-open{color:#b7791f}`;

function formatTime(iso: string | null, timeZone: string, language: Language, unknown: string): string {
  if (iso === null || Number.isNaN(Date.parse(iso))) return unknown;
  const text = new Intl.DateTimeFormat(language, { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
  return `<time datetime="${esc(iso)}">${esc(text)}</time>`;
}

/** as on the status page: no delay or recovery to expect once service is back, or when users were never held up */
const nothingToExpect = (u: Pick<SpIncidentUpdate, 'status' | 'precautionary'>): boolean => u.status === 'resolved' || usersFineAfter({ stage: u.status, precautionary: u.precautionary });

export function renderIncidentPage(incident: SpIncident, timeZone: string, language: Language): string {
  const w = INCIDENT_PAGE_WORDS[language];
  const time = (iso: string | null): string => formatTime(iso, timeZone, language, esc(w.unknown));
  const fact = (label: string, value: string): string => `<dt>${esc(label)}</dt><dd>${value}</dd>`;
  const updates = incident.incident_updates.map((u) => [
    '<section class="update">',
    `<p><span class="stage">${esc(STAGE_LABEL[language][u.status])}</span> · ${time(u.created_at)}</p>`,
    `<p>${esc(u.body)}</p>`,
    '<dl>',
    fact(w.cause, esc(u.cause || w.unknown)),
    nothingToExpect(u) ? '' : fact(w.delay, esc(`${Math.round(u.expected_delay_ms / 1000)} ${w.seconds}`)),
    nothingToExpect(u) ? '' : fact(w.recovery, time(u.expected_recovery_at)),
    // no update after the last
    u.status === 'resolved' ? '' : fact(w.nextUpdate, time(u.next_update_at)),
    '</dl>',
    '</section>',
  ].join('')).join('\n');
  const services = incident.components.map((c) => c.name).join(', ') || incident.id;
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(incident.name)}</title><style>${STYLE}</style></head>`,
    '<body>',
    `<p><a href="/status">${esc(w.back)}</a></p>`,
    `<h1 data-testid="incident-name">${esc(incident.name)}</h1>`,
    `<p class="${incident.status === 'resolved' ? 'status-resolved' : 'status-open'}" data-testid="incident-status">${esc(STAGE_LABEL[language][incident.status])}</p>`,
    '<dl>',
    fact(w.service, esc(services)),
    fact(w.impact, esc(incident.impact)),
    fact(w.opened, time(incident.created_at)),
    incident.resolved_at === null ? '' : fact(w.resolved, time(incident.resolved_at)),
    '</dl>',
    `<h2>${esc(w.updates)}</h2>`,
    updates,
    '</body></html>',
    '',
  ].join('\n');
}
