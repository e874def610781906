/**
 * parsePlan: YAML text to a compiled Plan, or every error found, each with file, line,
 * column and field. Three passes, each only when the previous one succeeded: YAML syntax,
 * the JSON Schema (the same one editors use), then meaning (levels, bounds, templates...).
 *
 * HPA manifests named by a plan are read through `readFile`, a pure lookup of paths relative
 * to the plan file; a shell finds out what to read with planManifestPaths(text) first.
 */
import type { Result } from '../errors.js';
import { compilePlan } from './compile.js';
import { manifestPathsOf, type ManifestLookup } from './hpa-reference.js';
import { PlanDocumentSchema, type PlanDocument } from './schema.js';
import { validateAgainst } from './schema-validate.js';
import type { Plan } from './types.js';
import { readYaml } from './yaml-source.js';

export function parsePlan(text: string, file: string, readFile?: ManifestLookup): Result<Plan> {
  const read = readYaml(text, file);
  if ('errors' in read) return { ok: false, errors: read.errors };
  const schemaErrors = validateAgainst(PlanDocumentSchema, read.source, 'plan');
  if (schemaErrors.length > 0) return { ok: false, errors: schemaErrors };
  return compilePlan(read.source, readFile);
}

/** The HPA manifest paths (relative to the plan file) a plan names; empty when it does not parse. */
export function planManifestPaths(text: string): string[] {
  const read = readYaml(text, 'plan');
  if ('errors' in read || validateAgainst(PlanDocumentSchema, read.source, 'plan').length > 0) return [];
  const doc = read.source.data as PlanDocument;
  return manifestPathsOf([doc.defaults, ...Object.values(doc.services)]);
}
