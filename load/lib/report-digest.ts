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

/** "09:04" from "2020-02-03T09:04:00+08:00": the scenario's local clock as written. */
const clock = (iso: string): string => iso.slice(11, 16);

function firstOf(events: DigestEvent[], service: string, type: string): string {
  const hit = events.find((e) => e.service === service && e.type === type);
  return hit === undefined ? '-' : clock(hit.t);
}

function serviceLine(report: DigestReport, service: string): string {
  const ticks = report.ticks.filter((t) => t.service === service);
  const peak = ticks.reduce((best, t) => (t.demandRps > best.demandRps ? t : best), ticks[0] ?? { demandRps: 0, t: '' });
  const throttledTicks = ticks.filter((t) => t.throttledRps > 0).length;
  const levels = [...new Set(ticks.map((t) => t.level))].join(' > ');
  const count = (type: string): number => report.events.filter((e) => e.service === service && e.type === type).length;
  const notices = report.notices.filter((n) => n.service === service).map((n) => n.stage);
  return (
    `${service}: peak ${Math.round(peak.demandRps)} rps at ${clock(peak.t)}; levels ${levels || '-'}; ` +
    `fired ${firstOf(report.events, service, 'trigger:firing')}, ` +
    `throttled from ${firstOf(report.events, service, 'throttle:started')} (${throttledTicks} ticks), ` +
    `standby activations ${count('servers:activated')}, cold provisions ${count('servers:provisioning')}; ` +
    `notices ${notices.join(', ') || '-'}`
  );
}

/** One line per service, or one line saying why there is nothing to show. */
export function reportDigest(report: unknown): string[] {
  if (!isDigestReport(report)) return ['the server returned no drill report'];
  if (report.ticks.length === 0) return ['the drill recorded no ticks'];
  const services = [...new Set(report.ticks.map((t) => t.service))].sort();
  return services.map((service) => serviceLine(report, service));
}
