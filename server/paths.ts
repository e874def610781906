import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/**
 * The package root: the nearest folder above this module holding package.json. Found from
 * the module's own location so it holds from source (server/) and when built (dist/server/).
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '..');
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const SCENARIOS_DIR = resolve(PACKAGE_ROOT, 'scenarios');
export const DASHBOARD_DIST_DIR = resolve(PACKAGE_ROOT, 'dist', 'dashboard');
