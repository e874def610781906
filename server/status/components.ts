/** Statuspage v2 page and component objects: one component per service. */
import type { Language } from '../core/plan/types.js';
import { serviceStatus } from './levels.js';
import type { StatusPage, StatusService } from './status-input.js';
import type { SpComponent, SpPage } from './statuspage-schemas.js';

/** The public status page people read; page.url itself is the server's base URL, which needs a token. */
export const statusPageUrl = (page: StatusPage): string => `${page.url}/status`;

export function buildPage(page: StatusPage): SpPage {
  return { id: page.id, name: page.name, url: statusPageUrl(page), time_zone: page.timeZone, updated_at: page.updatedAt };
}

/** `language`: the component's name is the service's in that language (webhooks speak English) */
export function buildComponent(page: StatusPage, service: StatusService, position: number, language: Language = 'en'): SpComponent {
  return {
    id: service.name,
    name: service.displayNames[language],
    status: serviceStatus(service),
    created_at: service.createdAt,
    updated_at: service.updatedAt,
    position,
    description: service.description,
    showcase: true,
    start_date: null,
    group_id: null,
    page_id: page.id,
    group: false,
    only_show_if_degraded: false,
  };
}
