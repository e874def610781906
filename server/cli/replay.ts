import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatError, type FlashcrowdError } from '../core/errors.js';
import { replay, type ReplayResult } from '../core/drill/replay.js';
import { POLICY_NAMES, type PolicyName } from '../core/plan/types.js';
import { VERDICT_RULE } from '../core/drill/summary-columns.js';
import { loadDefaultPlan, loadPlan } from '../plan-file.js';
import { chartJsSource } from '../report/chart-js-source.js';
import { renderReport } from '../report/html.js';
import { loadScenario } from '../scenario-file.js';
import type { CliIo } from './io.js';
import { columnHelp, summaryTable } from './summary-table.js';

export const REPLAY_USAGE = `usage: flashcrowd replay --scenario FILE [--plan FILE] [--policy NAME[,NAME...]] [--json OUT] [--report OUT.html] [--from ISO] [--to ISO] [--service NAME]

  --scenario  a scenario JSON file, a CSV trace (timestamp,rps[,service]) or a bundled name (feb3)
  --service   the plan service a CSV trace without a service column stands for
  --plan      the contingency plan (YAML); default: the embedded default plan
  --policy    ${POLICY_NAMES.join(', ')}; several, comma-separated, replay the same scenario under each
  --json      write the replay (ticks, events, notices, summary) as JSON
  --report    write a self-contained HTML report with charts

Summary columns (with several policies the best is named by ${VERDICT_RULE}):
${columnHelp().join('\n')}`;

export async function runReplay(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        scenario: { type: 'string' }, plan: { type: 'string' }, policy: { type: 'string' },
        json: { type: 'string' }, report: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
        service: { type: 'string' }, help: { type: 'boolean' },
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
  const scenario = await loadScenario(values.scenario, values.service ? { service: values.service } : {});
  if (!scenario.ok) return reportErrors(io, scenario.errors);

  const runs: ReplayResult[] = [];
  const started = performance.now();
  for (const policy of policies.value) {
    const label = policy ?? 'plan';
    const result = replay(plan.value, scenario.value, {
      ...(policy ? { policy } : {}),
      ...range.value,
      onProgress: io.isTty && io.progress ? progressBar(io.progress, label) : undefined,
    });
    if (io.isTty && io.progress) io.progress('');
    if (!result.ok) return reportErrors(io, result.errors);
    runs.push(result.value);
  }
  const seconds = (performance.now() - started) / 1000;
  const tickCount = runs.reduce((n, r) => n + r.ticks.length, 0);

  io.out(`${scenario.value.name} under plan "${plan.value.name}": ${tickCount} service-ticks in ${seconds.toFixed(2)} s`);
  for (const line of summaryTable(runs)) io.out(line);

  if (values.json) {
    await writeFile(values.json, JSON.stringify(runs.length === 1 ? runs[0] : { runs }));
    io.out(`wrote ${values.json}`);
  }
  if (values.report) {
    await writeFile(values.report, renderReport(runs, { title: `Drill report: ${scenario.value.name}`, plan: plan.value, chartJs: await chartJsSource() }));
    io.out(`wrote ${values.report}`);
  }
  return 0;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Undefined stands for "each service's own policy from the plan". */
function parsePolicies(raw: string | undefined): Parsed<(PolicyName | undefined)[]> {
  if (!raw) return { ok: true, value: [undefined] };
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(POLICY_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    return { ok: false, message: `--policy: unknown policy ${unknown.map((u) => `"${u}"`).join(', ') || '""'}; expected one or more of ${POLICY_NAMES.join(', ')}` };
  }
  return { ok: true, value: names as PolicyName[] };
}

function parseRange(from: string | undefined, to: string | undefined): Parsed<{ from?: number; to?: number }> {
  const out: { from?: number; to?: number } = {};
  for (const [flag, raw] of [['from', from], ['to', to]] as const) {
    if (raw === undefined) continue;
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) return { ok: false, message: `--${flag}: expected an ISO 8601 time like 2020-02-03T07:00:00+08:00, got "${raw}"` };
    out[flag] = ms;
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
