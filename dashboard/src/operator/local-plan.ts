/** The plan's services with their display names in the page's language (the plan's displayNames). */
import type { Language, ServiceInfo } from '../api/api-types.js';
import { serviceName } from '../i18n/plan-names.js';

export function localServices(services: readonly ServiceInfo[], language: Language): ServiceInfo[] {
  return services.map((s) => ({ ...s, displayName: serviceName(language, s) }));
}
