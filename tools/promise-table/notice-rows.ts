/**
 * One row per notice of a replay, scored as the promise record scores it: where each notice
 * that was not on target went, so a change to the forecast can be judged notice by notice.
 */
import type { ReplayResult } from '../../server/core/drill/replay.js';
import { noticeScores, type PromiseVerdict } from '../../server/core/drill/promise-record.js';
import type { Plan } from '../../server/core/plan/types.js';

export interface NoticeRow {
  service: string;
  /** published, epoch ms */
  t: number;
  stage: string;
  /** why the notice was published: the incident event's reason, or opened / resolved */
  reason: string;
  /** minutes from publishing: the promise, the range's ends, when users were back (null: none) */
  promisedIn: number | null;
  earliestIn: number | null;
  latestIn: number | null;
  actualIn: number | null;
  /** null: not scored (users were not affected, or the incident was resolved) */
  verdict: PromiseVerdict | null;
}

const minutesAfter = (t: number, at: string | number | null | undefined): number | null =>
  at === null || at === undefined ? null : ((typeof at === 'number' ? at : Date.parse(at)) - t) / 60_000;

export function noticeRows(plan: Plan, run: ReplayResult): NoticeRow[] {
  const reasons = new Map<string, string>();
  for (const e of run.events) {
    const id = e.data?.['noticeId'];
    if (typeof id === 'string') reasons.set(id, e.reason ?? e.type.replace('incident:', ''));
  }
  const rows: NoticeRow[] = [];
  for (const service of new Set(run.notices.map((n) => n.service))) {
    const svc = plan.services[service];
    if (!svc) continue;
    const ticks = run.ticks.filter((x) => x.service === service);
    const notices = run.notices.filter((x) => x.service === service);
    for (const { notice: n, backAt, judged } of noticeScores(ticks, notices, svc.capacity.sloLatencyMs, plan.tickSeconds)) {
      const t = Date.parse(n.t);
      rows.push({
        service,
        t,
        stage: n.stage,
        reason: reasons.get(n.id) ?? '',
        promisedIn: minutesAfter(t, n.expectedRecoveryAt),
        earliestIn: minutesAfter(t, n.recoveryEarliestAt),
        latestIn: minutesAfter(t, n.recoveryLatestAt),
        actualIn: minutesAfter(t, backAt),
        verdict: judged?.verdict ?? null,
      });
    }
  }
  return rows;
}
