import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatError, type FlashcrowdError } from '../core/errors.js';
import { replay, type ReplayResult } from '../core/drill/replay.js';
import type { Scenario } from '../core/drill/scenario.js';
import { POLICY_NAMES, type Plan, type PolicyName } from '../core/plan/types.js';
import { VERDICT_RULE } from '../core/drill/summary-columns.js';
import { loadDefaultPlan, loadPlan } from '../plan-file.js';
import { chartJsSource } from '../report/chart-js-source.js';
import { renderReport } from '../report/html.js';
import { loadScenario, resolveScenarioPath } from '../scenario-file.js';
import { cliTimeToMs, readCliTime, type CliTime } from './cli-time.js';
import type { CliIo } from './io.js';
import { planReplayWork } from './replay-work.js';
import { columnHelp, summaryTable } from './summary-table.js';

export const REPLAY_USAGE = `usage: flashcrowd replay --scenario FILE|NAME [--plan FILE] [--policy NAME[,NAME...]] [--json OUT] [--report OUT.html] [--from TIME] [--to TIME] [--service NAME]

Replays a scenario offline against a plan, as fast as the CPU allows, and prints a summary table.

options:
  --scenario  a scenario JSON file, a CSV trace (timestamp,rps[,service]) or a bundled name (feb3); a bare name is only ever a bundled scenario, write ./NAME for a file
  --plan      the contingency plan (YAML); default: the embedded default plan
  --policy    ${POLICY_NAMES.join(', ')}; several, comma-separated, replay the same scenario under each
  --service   the plan service a CSV trace without a service column stands for (or the one service of a trace to keep)
  --from      replay from this time: ISO 8601 with an offset (2020-02-03T07:00:00+08:00), or without one (2020-02-03T07:00), read in the scenario's time zone
  --to        replay up to this time, written like --from
  --json      write the replay (ticks, events, notices, summary) as JSON
  --report    write a self-contained HTML report with charts
  --help      show this help

Summary columns (with several policies the best is named by ${VERDICT_RULE}):
${columnHelp().join('\n')}

exit status: 0 replayed, 1 a file or its content was refused (the error says file:line:column: field: what), 2 wrong usage`;

export async function runReplay(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        scenario: { type: 'string' }, plan: { type: 'string' }, policy: { type: 'string' },
        json: { type: 'string' }, report: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
        service: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    io.err(`flashcrowd replay: ${(e as Error).message}`);
    io.err(REPLAY_USAGE);
    return 2;
  }
  if (values.help) {
    io.out(REPLAY_USAGE);
    return 0;
  }
  if (!values.scenario) {
    io.err('flashcrowd replay: --scenario is required');
    io.err(REPLAY_USAGE);
    return 2;
  }
  const policies = parsePolicies(values.policy);
  if (!policies.ok) return usageError(io, policies.message);
  const range = parseRange(values.from, values.to);
  if (!range.ok) return usageError(io, range.message);

  const plan = values.plan ? await loadPlan(values.plan) : await loadDefaultPlan();
  if (!plan.ok) return reportErrors(io, plan.errors);
  const loaded = await loadScenario(values.scenario, values.service ? { service: values.service } : {});
  if (!loaded.ok) {
    const hint = ` (to read a file of that name, write it as a path: ./${values.scenario})`;
    return reportErrors(io, loaded.errors.map((e) => (e.code === 'scenario.unknown' ? { ...e, message: `${e.message}${hint}` } : e)));
  }
  const scenario = matchSingleService(loaded.value, plan.value, io);
  const from = range.value.from && cliTimeToMs(range.value.from, scenario.timezone);
  const to = range.value.to && cliTimeToMs(range.value.to, scenario.timezone);
  const work = planReplayWork(plan.value, scenario, { from, to, runs: policies.value.length, csvWithoutServiceColumn: values.scenario.toLowerCase().endsWith('.csv') && !values.service });
  // these are about the scenario as a whole, so they name its file
  const scenarioPath = resolveScenarioPath(values.scenario);
  if (!work.ok) return reportErrors(io, work.errors.map((e) => (scenarioPath ? { ...e, file: scenarioPath } : e)));

  const runs: ReplayResult[] = [];
  const started = performance.now();
  for (const policy of policies.value) {
    const label = policy ?? 'plan';
    const result = replay(plan.value, scenario, {
      ...(policy ? { policy } : {}),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      onProgress: io.isTty && io.progress ? progressBar(io.progress, label) : undefined,
    });
    if (io.isTty && io.progress) io.progress('');
    if (!result.ok) return reportErrors(io, result.errors);
    runs.push(result.value);
  }
  const seconds = (performance.now() - started) / 1000;
  const tickCount = runs.reduce((n, r) => n + r.ticks.length, 0);

  io.out(`${scenario.name} under plan "${plan.value.name}": ${tickCount} service-ticks in ${seconds.toFixed(2)} s`);
  for (const line of summaryTable(runs)) io.out(line);

  if (values.json) {
    const written = await writeOutput(values.json, () => JSON.stringify(runs.length === 1 ? runs[0] : { runs }));
    if (written) return reportErrors(io, [written]);
    io.out(`wrote ${values.json}`);
  }
  if (values.report) {
    const chartJs = await chartJsSource();
    const written = await writeOutput(values.report, () => renderReport(runs, { title: `Drill report: ${scenario.name}`, plan: plan.value, chartJs }));
    if (written) return reportErrors(io, [written]);
    io.out(`wrote ${values.report}`);
  }
  return 0;
}

/**
 * A plan of one service and a scenario of one service that are named differently (a CSV
 * trace without a service column is "default") can only mean each other: match them, and say so.
 */
function matchSingleService(scenario: Scenario, plan: Plan, io: CliIo): Scenario {
  const planServices = Object.keys(plan.services);
  const entries = Object.entries(scenario.services);
  const [only] = entries;
  if (planServices.length !== 1 || entries.length !== 1 || !only || plan.services[only[0]]) return scenario;
  const target = planServices[0] as string;
  io.err(`note: replaying the scenario's only service "${only[0]}" as the plan's only service "${target}" (--service ${target} says so explicitly)`);
  return { ...scenario, services: { [target]: only[1] } };
}

async function writeOutput(path: string, render: () => string): Promise<FlashcrowdError | null> {
  try {
    await writeFile(path, render());
    return null;
  } catch (e) {
    return { code: 'replay.write', message: `cannot write the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}; check the folder exists and is writable`, file: path };
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Undefined stands for "each service's own policy from the plan". */
function parsePolicies(raw: string | undefined): Parsed<(PolicyName | undefined)[]> {
  if (!raw) return { ok: true, value: [undefined] };
  const names = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  const unknown = names.filter((n) => !(POLICY_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    return { ok: false, message: `--policy: unknown policy ${unknown.map((u) => `"${u}"`).join(', ') || '""'}; expected one or more of ${POLICY_NAMES.join(', ')}` };
  }
  return { ok: true, value: names as PolicyName[] };
}

function parseRange(from: string | undefined, to: string | undefined): Parsed<{ from?: CliTime; to?: CliTime }> {
  const out: { from?: CliTime; to?: CliTime } = {};
  for (const [flag, raw] of [['from', from], ['to', to]] as const) {
    if (raw === undefined) continue;
    const time = readCliTime(raw);
    if (!time) {
      return { ok: false, message: `--${flag}: expected an ISO 8601 time like 2020-02-03T07:00:00+08:00, or 2020-02-03T07:00 for the scenario's own time zone, got ${JSON.stringify(raw)}` };
    }
    out[flag] = time;
  }
  return { ok: true, value: out };
}

function usageError(io: CliIo, message: string): number {
  io.err(`flashcrowd replay: ${message}`);
  return 2;
}

function reportErrors(io: CliIo, errors: readonly FlashcrowdError[]): number {
  for (const e of errors) io.err(formatError(e));
  return 1;
}

function progressBar(write: (text: string) => void, label: string): (fraction: number) => void {
  const width = 30;
  return (fraction) => {
    const filled = Math.round(fraction * width);
    write(`${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0)}%`);
  };
}
