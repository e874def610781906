/**
 * One row per notice of a replay, scored as the promise record scores it: where each notice
 * that was not on target went, so a change to the forecast can be judged notice by notice.
 */
import type { ReplayResult } from '../../server/core/drill/replay.js';
import { isAffected, judgePromise, recoveryAfter, type PromiseVerdict } from '../../server/core/drill/promise-record.js';
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
    const index = new Map(ticks.map((x, i) => [x.t, i]));
    const back = recoveryAfter(ticks, svc.capacity.sloLatencyMs, plan.tickSeconds);
    for (const n of run.notices.filter((x) => x.service === service)) {
      const i = index.get(n.t);
      if (i === undefined) continue;
      const t = Date.parse(n.t);
      const promised = n.expectedRecoveryAt === null ? null : Date.parse(n.expectedRecoveryAt);
      const scored = n.stage !== 'resolved' && isAffected(ticks[i]!, svc.capacity.sloLatencyMs);
      rows.push({
        service,
        t,
        stage: n.stage,
        reason: reasons.get(n.id) ?? '',
        promisedIn: minutesAfter(t, promised),
        earliestIn: minutesAfter(t, n.recoveryEarliestAt),
        latestIn: minutesAfter(t, n.recoveryLatestAt),
        actualIn: minutesAfter(t, back[i]),
        verdict: scored ? judgePromise(t, promised, back[i] ?? null).verdict : null,
      });
    }
  }
  return rows;
}
