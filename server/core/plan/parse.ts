/**
 * parsePlan: YAML text to a compiled Plan, or every error found, each with file, line,
 * column and field. Three passes, each only when the previous one succeeded: YAML syntax,
 * the JSON Schema (the same one editors use), then meaning (levels, bounds, templates...).
 *
 * HPA manifests named by a plan are read through `readFile`, a pure lookup of paths relative
 * to the plan file; a shell finds out what to read with planManifestPaths(text) first.
 */
import type { FlashcrowdError, Result } from '../errors.js';
import { compilePlan } from './compile.js';
import { manifestPathsOf, type ManifestLookup } from './hpa-reference.js';
import { PlanDocumentSchema, type PlanDocument } from './schema.js';
import { validateAgainst } from './schema-validate.js';
import type { Plan } from './types.js';
import { planWarnings } from './plan-warnings.js';
import { readYaml } from './yaml-source.js';

/** `warnings`, when given, receives what is valid but likely a mistake (plan-warnings.ts). */
export function parsePlan(text: string, file: string, readFile?: ManifestLookup, warnings?: FlashcrowdError[]): Result<Plan> {
  const read = readYaml(text, file);
  if ('errors' in read) return { ok: false, errors: read.errors };
  const schemaErrors = validateAgainst(PlanDocumentSchema, read.source, 'plan');
  if (schemaErrors.length > 0) return { ok: false, errors: schemaErrors };
  const plan = compilePlan(read.source, readFile);
  if (plan.ok && warnings) warnings.push(...planWarnings(read.source));
  return plan;
}

/** The HPA manifest paths (relative to the plan file) a plan names; empty when it does not parse. */
export function planManifestPaths(text: string): string[] {
  const read = readYaml(text, 'plan');
  if ('errors' in read || validateAgainst(PlanDocumentSchema, read.source, 'plan').length > 0) return [];
  const doc = read.source.data as PlanDocument;
  return manifestPathsOf([doc.defaults, ...Object.values(doc.services)]);
}
