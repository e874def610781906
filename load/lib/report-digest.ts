/**
 * A few lines a person reads at the end of a k6 run: what the drill did, from its Replay
 * JSON. No k6 imports, so vitest tests it as it is.
 */

interface DigestTick {
  t: string;
  service: string;
  demandRps: number;
  throttledRps: number;
  droppedRps?: number;
  level: string;
}

interface DigestEvent {
  t: string;
  service: string;
  type: string;
  data?: Record<string, unknown>;
}

interface DigestNotice {
  service: string;
  stage: string;
}

export interface DigestReport {
  ticks: DigestTick[];
  events: DigestEvent[];
  notices: DigestNotice[];
}

function isDigestReport(value: unknown): value is DigestReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return Array.isArray(r.ticks) && Array.isArray(r.events) && Array.isArray(r.notices);
}

/** Minutes east of UTC of an offset written "+08:00", "-05:30" or "Z". */
function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** "09:04": the scenario's local clock at an instant the report writes in any offset. */
function clockAt(iso: string, offset: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms + offsetMinutes(offset) * 60_000).toISOString().slice(11, 16) : '-';
}

function serviceLine(report: DigestReport, service: string, offset: string): string {
  const clock = (iso: string): string => clockAt(iso, offset);
  const own = report.events.filter((e) => e.service === service);
  const first = (type: string): string => {
    const hit = own.find((e) => e.type === type);
    return hit === undefined ? '-' : clock(hit.t);
  };
  const count = (type: string): number => own.filter((e) => e.type === type).length;
  const ticks = report.ticks.filter((t) => t.service === service);
  const peak = ticks.reduce((best, t) => (t.demandRps > best.demandRps ? t : best), ticks[0] ?? { demandRps: 0, t: '' });
  const entered = new Map<string, string>();
  for (const e of own) {
    const level = e.data?.to;
    if (e.type === 'level:changed' && typeof level === 'string' && !entered.has(level)) entered.set(level, clock(e.t));
  }
  const levels = [...entered].map(([level, at]) => `${level} ${at}`).join(', ');
  const notices = report.notices.filter((n) => n.service === service).length;
  const resolved = report.notices.some((n) => n.service === service && n.stage === 'resolved');
  return (
    `${service}: peak ${Math.round(peak.demandRps)} rps at ${clock(peak.t)}; levels entered: ${levels || 'none'}; ` +
    `throttled from ${first('throttle:started')} (${ticks.filter((t) => t.throttledRps > 0).length} ticks); ` +
    `standby activations ${count('servers:activated')}, cold provisions ${count('servers:provisioning')}; ` +
    `${notices} notices${resolved ? ', resolved' : ''}`
  );
}

/** One line per service, times on the scenario's clock (`offset`, e.g. "+08:00"), or one line saying why there is nothing to show. */
export function reportDigest(report: unknown, offset: string): string[] {
  if (!isDigestReport(report)) return ['the server returned no drill report'];
  if (report.ticks.length === 0) return ['the drill recorded no ticks'];
  const services = [...new Set(report.ticks.map((t) => t.service))].sort();
  return services.map((service) => serviceLine(report, service, offset));
}
