import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fail, type Result } from './core/errors.js';
import { parseCsvTrace } from './core/drill/csv-trace.js';
import { parseScenarioJson, type Scenario } from './core/drill/scenario.js';
import { SCENARIOS_DIR } from './paths.js';

/**
 * A scenario by file path (JSON scenario or CSV trace) or by the name of a bundled one
 * ('feb3' is scenarios/feb3.json). `service` names the service of a CSV trace that has no
 * service column (or keeps only that service of one that has).
 */
export async function loadScenario(ref: string, opts: { service?: string } = {}): Promise<Result<Scenario>> {
  const path = resolveScenarioPath(ref);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return fail({ code: 'scenario.read', message: `cannot read the scenario: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, file: path });
  }
  return extname(path).toLowerCase() === '.csv' ? parseCsvTrace(text, path, opts) : parseScenarioJson(text, path);
}

export function resolveScenarioPath(ref: string): string {
  if (/^[a-z0-9-]+$/i.test(ref) && !existsSync(ref)) return resolve(SCENARIOS_DIR, `${ref}.json`);
  return resolve(ref);
}
