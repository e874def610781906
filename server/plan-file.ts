/**
 * Loading plans from disk: the plan file and any HPA manifests it names, read before the pure
 * parser runs. Failures are error values, never throws.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, type Result } from './core/errors.js';
import { parsePlan, planManifestPaths, type Plan } from './core/plan/index.js';

// this module runs from server/ (tsx, vitest) or from dist/server/ (after tsc)
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = basename(dirname(here)) === 'dist' ? resolve(here, '..', '..') : resolve(here, '..');

/** scenarios/plans/default.yaml of this checkout or package. */
export const DEFAULT_PLAN_PATH = resolve(repoRoot, 'scenarios', 'plans', 'default.yaml');

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

export async function loadPlan(path: string): Promise<Result<Plan>> {
  const text = await readText(path);
  if (text === undefined) {
    return fail({ code: 'plan.read', message: `cannot read the plan file "${path}"; check the path and permissions`, file: path });
  }
  const manifests = new Map<string, string>();
  for (const relative of planManifestPaths(text)) {
    const manifest = await readText(resolve(dirname(path), relative));
    if (manifest !== undefined) manifests.set(relative, manifest);
  }
  return parsePlan(text, path, (relative) => manifests.get(relative));
}

export function loadDefaultPlan(): Promise<Result<Plan>> {
  return loadPlan(DEFAULT_PLAN_PATH);
}
