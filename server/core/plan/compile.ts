/**
 * A schema-valid plan document compiled to the Plan of types.ts: levels ordered with
 * 'normal' first, durations in seconds, defaults merged and filled, every service complete.
 */
import { fail, ok, type FlashcrowdError, type Result } from '../errors.js';
import { closestMatch } from './did-you-mean.js';
import { compileService } from './compile-service.js';
import type { ManifestLookup } from './hpa-reference.js';
import { mergeServiceDefaults } from './merge-defaults.js';
import { DEFAULT_LEVELS, DEFAULT_TICK_SECONDS, DEFAULT_TIMEZONE, secondsOr } from './plan-defaults.js';
import type { PlanDocument } from './schema.js';
import { serviceContext } from './service-context.js';
import type { Plan, ServicePlan } from './types.js';
import type { YamlSource } from './yaml-source.js';

function timezoneProblem(timezone: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return null;
  } catch {
    const match = closestMatch(timezone, Intl.supportedValuesOf('timeZone'));
    return `unknown IANA time zone "${timezone}"${match ? `; did you mean "${match}"?` : ''} (for example "Asia/Shanghai" or "Europe/Berlin")`;
  }
}

function checkTopLevel(doc: PlanDocument, source: YamlSource, errors: FlashcrowdError[]): void {
  const at = (path: (string | number)[]) => ({ file: source.file, ...source.locate(path) });
  const timezoneError = doc.timezone === undefined ? null : timezoneProblem(doc.timezone);
  if (timezoneError) errors.push({ code: 'plan.timezone', message: timezoneError, ...at(['timezone']), field: 'timezone' });
  (doc.levels ?? []).forEach((level, index) => {
    if (level !== 'normal') return;
    errors.push({ code: 'plan.level', message: '"normal" is always the implicit first level; list only the levels above it', ...at(['levels', index]), field: `levels[${index}]` });
  });
  const tick = secondsOr(doc.tick, DEFAULT_TICK_SECONDS);
  if (tick <= 0) errors.push({ code: 'plan.range', message: `expected a tick above 0 seconds, got ${tick}`, ...at(['tick']), field: 'tick' });
}

function uniqueErrors(errors: FlashcrowdError[]): FlashcrowdError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const id = `${e.file}|${e.line}|${e.column}|${e.field}|${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function compilePlan(source: YamlSource, readFile: ManifestLookup | undefined): Result<Plan> {
  const doc = source.data as PlanDocument;
  const errors: FlashcrowdError[] = [];
  checkTopLevel(doc, source, errors);
  const levels = ['normal', ...(doc.levels ?? DEFAULT_LEVELS)];
  const services: Record<string, ServicePlan> = {};
  for (const [name, written] of Object.entries(doc.services)) {
    const context = serviceContext(source, name, levels, errors);
    const service = compileService(mergeServiceDefaults(doc.defaults, written), context, source.file, readFile);
    if (service) services[name] = service;
  }
  if (errors.length > 0) return fail(...uniqueErrors(errors));
  return ok({
    name: doc.name,
    timezone: doc.timezone ?? DEFAULT_TIMEZONE,
    tickSeconds: secondsOr(doc.tick, DEFAULT_TICK_SECONDS),
    levels,
    services,
  });
}
