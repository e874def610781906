/**
 * Durations as teams write them: "250ms", "90s", "5m", "1h", "1d", compounds such as
 * "1h30m" (as in Prometheus and Go), or a plain number of seconds.
 */

/** JSON Schema pattern of a duration string; kept in step with parseDuration. */
export const DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$';

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 };
const PART = /([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d)/g;

/** Seconds in `value`, or null when it is neither a non-negative number nor a duration string. */
export function parseDuration(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (!new RegExp(DURATION_PATTERN).test(value)) return null;
  let seconds = 0;
  for (const [, amount, unit] of value.matchAll(PART)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
  }
  // 0.1 + 0.2 style noise from "1.1s" would otherwise leak into compiled plans
  return Math.round(seconds * 1e6) / 1e6;
}
