/** What the public status page shows, whichever source (summary.json or the socket) it came from. */
import type { ComponentStatus } from '../../../server/status/statuspage-schemas.js';

export interface StatusService {
  /** the service name where known (live), else the component id */
  key: string;
  name: string;
  status: ComponentStatus;
}

export interface StatusNotice {
  id: string;
  serviceNames: string[];
  stage: string;
  title: string;
  body: string;
  cause: string | null;
  expectedDelayMs: number | null;
  expectedRecoveryAt: string | null;
  nextUpdateAt: string | null;
  /** users were fine and the forecast saw them stay fine: no delay or recovery to expect */
  precautionary: boolean;
  updatedAt: string;
}

export type Overall = 'ok' | 'degraded' | 'down';

export interface StatusView {
  pageName: string;
  timeZone: string;
  updatedAt: string | null;
  overall: Overall;
  services: StatusService[];
  notices: StatusNotice[];
}

export function overallOf(services: readonly StatusService[]): Overall {
  if (services.some((s) => s.status === 'major_outage')) return 'down';
  if (services.some((s) => s.status !== 'operational')) return 'degraded';
  return 'ok';
}

/** Newest notice first, so the latest word is read first. */
export function byNewest(a: StatusNotice, b: StatusNotice): number {
  return Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
}
