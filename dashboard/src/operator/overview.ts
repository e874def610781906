/** One service's overview card as data: what the card shows, shaped from the latest tick and notices. */
import type { Notice, ServersByState, ServiceInfo, Tick } from '../api/api-types.js';
import { levelTone, type LevelTone } from '../shared/level-tone.js';

export interface ServiceOverview {
  name: string;
  displayName: string;
  level: string | null;
  tone: LevelTone;
  servers: ServersByState | null;
  /** 0..100, rounded; null before the first tick */
  utilizationPct: number | null;
  notice: Notice | null;
  expectedRecoveryAt: string | null;
}

/** The newest notice of the service, unless its incident is resolved: a resolved notice is history. */
export function currentNotice(notices: readonly Notice[], service: string): Notice | null {
  let latest: Notice | null = null;
  for (const notice of notices) {
    if (notice.service !== service) continue;
    if (latest === null || Date.parse(notice.t) >= Date.parse(latest.t)) latest = notice;
  }
  return latest !== null && latest.stage !== 'resolved' ? latest : null;
}

export function serviceOverview(info: ServiceInfo, latest: Tick | undefined, notices: readonly Notice[]): ServiceOverview {
  const notice = currentNotice(notices, info.name);
  return {
    name: info.name,
    displayName: info.displayName,
    level: latest?.level ?? null,
    tone: latest === undefined ? 'ok' : levelTone(latest.level, info.levels),
    servers: latest?.servers ?? null,
    utilizationPct: latest === undefined || !Number.isFinite(latest.utilization) ? null : Math.round(latest.utilization * 100),
    notice,
    // a recovery time only means something while an incident is open
    expectedRecoveryAt: notice === null ? null : (latest?.expectedRecoveryAt ?? notice.expectedRecoveryAt ?? null),
  };
}
