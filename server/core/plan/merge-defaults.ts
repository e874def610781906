/**
 * A service written under `defaults`: objects merge key by key at every depth, while lists
 * and scalars given by the service replace the default outright (a service's triggers are
 * its own list, not appended to the default ones).
 */
import type { ServiceDocument } from './schema-service.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeValue(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeValue(base[key], value);
  return merged;
}

export function mergeServiceDefaults(defaults: ServiceDocument | undefined, service: ServiceDocument): ServiceDocument {
  return mergeValue(defaults ?? {}, service) as ServiceDocument;
}
