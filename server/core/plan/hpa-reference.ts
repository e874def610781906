/**
 * A service's scale.targetTracking.hpaManifest. The core reads no files, so the caller passes
 * a lookup (ManifestLookup) and planManifestPaths tells it what to look up beforehand.
 */
import { parseHpaManifest, type HpaSettings } from './hpa-manifest.js';
import type { ServiceDocument } from './schema-service.js';
import type { ServiceContext } from './service-context.js';

/** The text of a file named by a plan, relative to the plan file; undefined when it cannot be read. */
export type ManifestLookup = (relativePath: string) => string | undefined;

/** `relative` resolved against the directory of `planFile`, for error locations. */
export function besidePlan(planFile: string, relative: string): string {
  if (relative.startsWith('/')) return relative;
  const slash = planFile.lastIndexOf('/');
  const directory = slash < 0 ? '' : planFile.slice(0, slash + 1);
  return `${directory}${relative.replace(/^\.\//, '')}`;
}

/**
 * The manifest settings, null when none is named, or 'failed' after reporting why. The
 * manifest is a base: values the plan writes itself (metric, target, behavior fields,
 * min/maxServers) win over it.
 */
export function resolveHpaManifest(
  doc: ServiceDocument,
  context: ServiceContext,
  planFile: string,
  readFile: ManifestLookup | undefined,
): HpaSettings | null | 'failed' {
  const path = doc.scale?.targetTracking?.hpaManifest;
  if (path === undefined) return null;
  const at = ['scale', 'targetTracking', 'hpaManifest'];
  const text = readFile?.(path);
  if (text === undefined) {
    context.report('plan.hpa-manifest', at, `cannot read the HPA manifest "${path}" (looked for ${besidePlan(planFile, path)})`);
    return 'failed';
  }
  const parsed = parseHpaManifest(text, besidePlan(planFile, path));
  if (parsed.ok) return parsed.value;
  context.addErrors(parsed.errors);
  return 'failed';
}

/** Every hpaManifest a plan document names, so a shell can read them before parsePlan. */
export function manifestPathsOf(services: readonly (ServiceDocument | undefined)[]): string[] {
  const paths = services.map((s) => s?.scale?.targetTracking?.hpaManifest).filter((p): p is string => p !== undefined);
  return [...new Set(paths)];
}

