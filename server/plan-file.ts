/**
 * Loading plans from disk: the plan file and any HPA manifests it names, read before the pure
 * parser runs. Failures are error values, never throws.
 */
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlashcrowdError, Result } from './core/errors.js';
import { parsePlan, planManifestPaths, type Plan } from './core/plan/index.js';
import { readInputFile } from './files/read-input-file.js';

// this module runs from server/ (tsx, vitest) or from dist/server/ (after tsc)
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = basename(dirname(here)) === 'dist' ? resolve(here, '..', '..') : resolve(here, '..');

/** scenarios/plans/default.yaml of this checkout or package. */
export const DEFAULT_PLAN_PATH = resolve(repoRoot, 'scenarios', 'plans', 'default.yaml');

/** `opts.warnings`, when given, receives what is valid but likely a mistake. */
export async function loadPlan(path: string, opts: { warnings?: FlashcrowdError[] } = {}): Promise<Result<Plan>> {
  const read = await readInputFile(path, 'plan');
  if (!read.ok) return read;
  const text = read.value;
  const manifests = new Map<string, string>();
  for (const relative of planManifestPaths(text)) {
    const manifest = await readInputFile(resolve(dirname(path), relative), 'manifest');
    // a manifest that cannot be read is reported by the parser, at the line that names it
    if (manifest.ok) manifests.set(relative, manifest.value);
  }
  return parsePlan(text, path, (relative) => manifests.get(relative), opts.warnings);
}

export function loadDefaultPlan(): Promise<Result<Plan>> {
  return loadPlan(DEFAULT_PLAN_PATH);
}
