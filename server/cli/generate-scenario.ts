/**
 * Writes the generated Feb-3 scenario to stdout, as JSON (default) or as a CSV trace slice:
 *
 *   npx tsx server/cli/generate-scenario.ts > scenarios/feb3.json
 *   npx tsx server/cli/generate-scenario.ts --csv messaging --from 2020-02-03T07:00:00+08:00 \
 *     --to 2020-02-03T12:00:00+08:00 > scenarios/traces/feb3-messaging-morning.csv
 *   npx tsx server/cli/generate-scenario.ts --csv messaging,meetings,docs --timestamps seconds \
 *     --from 2020-02-03T08:30:00+08:00 --to 2020-02-03T10:30:00+08:00 > scenarios/traces/feb3-all-services-morning.csv
 */
import { parseArgs } from 'node:util';
import { formatCsvTrace } from '../core/drill/csv-trace.js';
import { FEB3_PARAMS, FEB3_SEED, formatScenarioJson, generateScenario } from '../core/drill/scenario.js';
import { parseIsoInstant } from '../core/drill/scenario-time.js';

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: String(FEB3_SEED) },
      csv: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      timestamps: { type: 'string', default: 'iso' },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) return usage(`--seed must be an integer, not ${values.seed}`);
  const scenario = generateScenario(FEB3_PARAMS, seed);
  if (values.csv === undefined) {
    process.stdout.write(formatScenarioJson(scenario));
    return 0;
  }
  const services = values.csv.split(',').map((s) => s.trim());
  const unknown = services.filter((s) => !(s in scenario.services));
  if (unknown.length > 0) return usage(`unknown service ${unknown.join(', ')}; the scenario has ${Object.keys(scenario.services).join(', ')}`);
  const fromMs = values.from === undefined ? Number.NEGATIVE_INFINITY : parseIsoInstant(values.from);
  const toMs = values.to === undefined ? Number.POSITIVE_INFINITY : parseIsoInstant(values.to);
  if (fromMs === null || toMs === null) return usage('--from and --to are ISO 8601 date-times with an offset, e.g. 2020-02-03T07:00:00+08:00');
  if (values.timestamps !== 'iso' && values.timestamps !== 'seconds') return usage('--timestamps is iso or seconds');
  process.stdout.write(formatCsvTrace(scenario, { services, fromMs, toMs, timestamps: values.timestamps }));
  return 0;
}

function usage(problem: string): number {
  process.stderr.write(`generate-scenario: ${problem}\nusage: generate-scenario [--seed N] [--csv SERVICE[,SERVICE...] [--from ISO] [--to ISO] [--timestamps iso|seconds]]\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
