import { readdirSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fail, type Result } from './core/errors.js';
import { parseCsvTrace } from './core/drill/csv-trace.js';
import { parseScenarioJson, type Scenario } from './core/drill/scenario.js';
import { readInputFile } from './files/read-input-file.js';
import { SCENARIOS_DIR } from './paths.js';

/** A bundled scenario's name: letters, digits and dashes, no dot or slash, so never a path. */
const BUNDLED_NAME = /^[a-z0-9][a-z0-9-]*$/i;

/**
 * A scenario by the name of a bundled one ('feb3' is scenarios/feb3.json) or by file path
 * (JSON scenario or CSV trace). A bare name only ever means a bundled scenario, whatever
 * files the working folder holds; a file is named with a path ('./feb3', 'traces/x.csv').
 * `service` names the service of a CSV trace that has no service column (or keeps only that
 * service of one that has).
 */
export async function loadScenario(ref: string, opts: { service?: string } = {}): Promise<Result<Scenario>> {
  const path = resolveScenarioPath(ref);
  if (path === null) {
    const names = bundledScenarioNames();
    return fail({
      code: 'scenario.unknown',
      message: `there is no bundled scenario "${ref}"; the bundled ones are ${names.join(', ') || 'none'}`,
      field: 'scenario',
    });
  }
  const text = await readInputFile(path, 'scenario');
  if (!text.ok) return text;
  return extname(path).toLowerCase() === '.csv' ? parseCsvTrace(text.value, path, opts) : parseScenarioJson(text.value, path);
}

/** The file a scenario reference stands for; null for a bare name that is not bundled. */
export function resolveScenarioPath(ref: string): string | null {
  if (!BUNDLED_NAME.test(ref)) return resolve(ref);
  return bundledScenarioNames().includes(ref) ? resolve(SCENARIOS_DIR, `${ref}.json`) : null;
}

export function bundledScenarioNames(): string[] {
  try {
    return readdirSync(SCENARIOS_DIR)
      .filter((f) => f.endsWith('.json') && f !== 'plan.schema.json')
      .map((f) => f.slice(0, -'.json'.length))
      .filter((name) => BUNDLED_NAME.test(name))
      .sort();
  } catch {
    return [];
  }
}
