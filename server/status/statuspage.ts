/**
 * Atlassian Statuspage v2 public API shapes (summary, status, components) built from a
 * StatusInput. Pure: the same input and language give the same document.
 */
import type { Language } from '../core/plan/types.js';
import { buildComponent, buildPage } from './components.js';
import { buildIncident } from './incidents.js';
import { impactOf, serviceStatus, worstImpact, type Impact } from './levels.js';
import type { StatusInput } from './status-input.js';
import type { SpComponent, SpIncident, SpPage, SpStatus, SpSummary } from './statuspage-schemas.js';
import { STATUS_DESCRIPTION } from './texts.js';

export type { SpComponent, SpPage, SpIncident, SpStatus, SpSummary };

/** incidents.json lists at most this many, newest first, as Statuspage does. */
export const MAX_INCIDENTS = 50;

export function buildComponents(input: StatusInput, language: Language): { page: SpPage; components: SpComponent[] } {
  return { page: buildPage(input.page), components: input.services.map((s, i) => buildComponent(input.page, s, i + 1, language)) };
}

/** The page indicator is the worst component's impact. */
export function buildStatus(input: StatusInput, language: Language): { page: SpPage; status: SpStatus } {
  const indicator = input.services
    .map((s) => impactOf(serviceStatus(s)))
    .reduce<Impact>(worstImpact, 'none');
  return { page: buildPage(input.page), status: { indicator, description: STATUS_DESCRIPTION[language][indicator] } };
}

const newestFirst = (a: { created_at: string }, b: { created_at: string }): number =>
  Date.parse(b.created_at) - Date.parse(a.created_at);

export function buildIncidents(input: StatusInput, language: Language): { page: SpPage; incidents: SpIncident[] } {
  const incidents = input.incidents.map((i) => buildIncident(input, i, language)).sort(newestFirst);
  return { page: buildPage(input.page), incidents: incidents.slice(0, MAX_INCIDENTS) };
}

export function buildUnresolved(input: StatusInput, language: Language): { page: SpPage; incidents: SpIncident[] } {
  const open = input.incidents.filter((i) => i.stage !== 'resolved');
  return { page: buildPage(input.page), incidents: open.map((i) => buildIncident(input, i, language)).sort(newestFirst) };
}

export function buildSummary(input: StatusInput, language: Language): SpSummary {
  return {
    ...buildStatus(input, language),
    components: buildComponents(input, language).components,
    incidents: buildUnresolved(input, language).incidents,
    scheduled_maintenances: [],
  };
}
