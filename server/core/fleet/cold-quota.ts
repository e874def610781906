import type { ServicePlan } from '../plan/types.js';
import type { ColdStart } from './types.js';

/** A cold start holds its quota slot for one rolling minute: [at, at + QUOTA_WINDOW_MS). */
const QUOTA_WINDOW_MS = 60_000;

export const holdsSlot = (start: ColdStart, t: number): boolean =>
  start.at <= t && t < start.at + QUOTA_WINDOW_MS;

/** Cold starts still allowed at t by the per-minute quota. */
export function coldQuotaLeft(svc: ServicePlan, starts: readonly ColdStart[], t: number): number {
  let used = 0;
  for (const s of starts) used += holdsSlot(s, t) ? s.count : 0;
  return Math.max(0, svc.cold.quotaPerMinute - used);
}

/**
 * When `queued` cold servers will begin provisioning if nothing else changes: as many as
 * the quota allows at t, then more each time a slot of an earlier start frees up. Servers
 * the quota never lets start (a quota of 0) are left out.
 */
export function coldBeginSchedule(
  svc: ServicePlan,
  starts: readonly ColdStart[],
  queued: number,
  t: number,
): ColdStart[] {
  const quota = svc.cold.quotaPerMinute;
  if (queued <= 0 || quota <= 0) return [];
  if (!Number.isFinite(quota)) return [{ at: t, count: queued }];
  const holding = starts.filter((s) => holdsSlot(s, t));
  const schedule: ColdStart[] = [];
  let left = queued;
  let now = t;
  while (left > 0) {
    const count = Math.min(left, coldQuotaLeft(svc, holding, now));
    if (count > 0) {
      const begin = { at: now, count };
      schedule.push(begin);
      holding.push(begin);
      left -= count;
    }
    const next = holding.find((s) => holdsSlot(s, now));
    if (next === undefined) break;
    now = next.at + QUOTA_WINDOW_MS;
  }
  return schedule;
}
