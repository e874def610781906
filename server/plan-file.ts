/**
 * Loading plans from disk: the plan file and any HPA manifests it names, read before the pure
 * parser runs. Failures are error values, never throws.
 */
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from './core/errors.js';
import { parsePlan, planManifestPaths, type Plan } from './core/plan/index.js';
import { readInputFile } from './files/read-input-file.js';

// this module runs from server/ (tsx, vitest) or from dist/server/ (after tsc)
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = basename(dirname(here)) === 'dist' ? resolve(here, '..', '..') : resolve(here, '..');

/** scenarios/plans/default.yaml of this checkout or package. */
export const DEFAULT_PLAN_PATH = resolve(repoRoot, 'scenarios', 'plans', 'default.yaml');

export async function loadPlan(path: string): Promise<Result<Plan>> {
  const read = await readInputFile(path, 'plan');
  if (!read.ok) return read;
  const text = read.value;
  const manifests = new Map<string, string>();
  for (const relative of planManifestPaths(text)) {
    const manifest = await readInputFile(resolve(dirname(path), relative), 'manifest');
    // a manifest that cannot be read is reported by the parser, at the line that names it
    if (manifest.ok) manifests.set(relative, manifest.value);
  }
  return parsePlan(text, path, (relative) => manifests.get(relative));
}

export function loadDefaultPlan(): Promise<Result<Plan>> {
  return loadPlan(DEFAULT_PLAN_PATH);
}
