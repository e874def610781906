/**
 * A drill's report: the same Replay JSON and HTML page as the offline replay. Built from the
 * run in memory while the drill is recent; written to the data folder when it ends, so it
 * is still there after a restart.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { summarise } from '../core/drill/summary.js';
import type { ReplayResult } from '../core/drill/replay.js';
import { chartJsSource } from '../report/chart-js-source.js';
import { renderReport } from '../report/html.js';
import { failWith, type Result } from '../errors/result.js';
import type { DrillRunner } from './drill-runner.js';
import type { DrillService } from './drill-service.js';
import type { DrillTakeover } from '../contracts.js';
import type { Store } from '../store/store.js';

/** The replay's JSON, and where other instances went on with the drill when any did. */
export type DrillReport = ReplayResult & { takeovers?: DrillTakeover[] };

export function reportOf(runner: DrillRunner): DrillReport {
  const { ticks, events, notices } = runner.run();
  const policy = runner.spec.policy ?? planPolicyName(runner.spec.plan);
  return {
    policy,
    ticks,
    events,
    notices,
    summary: summarise({ plan: runner.spec.plan, scenario: runner.spec.scenarioName, policy, ticks, events, notices }),
    ...(runner.takeovers.length > 0 ? { takeovers: [...runner.takeovers] } : {}),
  };
}

/** Without an override each service runs its plan's policy: name it, not "plan". */
function planPolicyName(plan: DrillRunner['spec']['plan']): string {
  const names = [...new Set(Object.values(plan.services).map((s) => s.scale.policy))];
  return names.length === 1 ? `${names[0]} (plan default)` : `plan default (${names.join(', ')})`;
}

export async function saveReport(dir: string, runner: DrillRunner): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(reportPath(dir, runner.spec.id), JSON.stringify(reportOf(runner)));
}

/** Several instances: the report goes to the shared database, so every instance serves it. */
export async function storeReport(store: Store, runner: DrillRunner): Promise<void> {
  await store.reports.save(runner.spec.id, JSON.stringify(reportOf(runner)));
}

const reportPath = (dir: string, id: string): string => join(dir, `${id.replace(/[^a-zA-Z0-9-]/g, '_')}.json`);

export async function reportJson(drills: DrillService, id: string): Promise<Result<DrillReport>> {
  const runner = drills.runner(id);
  if (runner) return { ok: true, value: reportOf(runner) };
  if (!(await drills.get(id))) return failWith('drill.not-found', { id });
  const stored = await drills.storedReport(id);
  if (stored !== null) return { ok: true, value: JSON.parse(stored) as DrillReport };
  const dir = drills.reportsDir;
  if (dir) {
    try {
      return { ok: true, value: JSON.parse(await readFile(reportPath(dir, id), 'utf8')) as DrillReport };
    } catch {
      // falls through: no saved report (the drill was cut off by a crash, or retention removed it)
    }
  }
  return failWith('report.gone', { id });
}

export async function reportHtml(drills: DrillService, id: string): Promise<Result<string>> {
  const report = await reportJson(drills, id);
  if (!report.ok) return report;
  return {
    ok: true,
    value: renderReport([report.value], {
      title: `Drill report: ${report.value.summary.scenario} (${id})`,
      plan: drills.plan,
      chartJs: await chartJsSource(),
      ...(report.value.takeovers ? { takeovers: report.value.takeovers } : {}),
    }),
  };
}
