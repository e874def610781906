/**
 * Ids of the notices operators post. During a drill such a notice takes the time of the
 * drill's latest tick, so several can share a time; the id carries when it was posted
 * (wall milliseconds, fixed width), so the status API orders them as posted
 * (incidents.ts `chronological`), then a random part that keeps it unique across instances.
 */
import { randomUUID } from 'node:crypto';

export const OPERATOR_NOTICE_PREFIX = 'manual-';

export function operatorNoticeId(postedAtMs: number): string {
  return `${OPERATOR_NOTICE_PREFIX}${String(Math.max(0, Math.trunc(postedAtMs))).padStart(15, '0')}-${randomUUID()}`;
}
