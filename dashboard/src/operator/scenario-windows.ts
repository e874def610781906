/**
 * What each bundled scenario covers, so the From/To pickers open on it and refuse dates
 * outside it. Kept beside the dashboard instead of fetched: the scenario file is large and
 * fixed; scenario-windows.test.ts checks these against scenarios/*.json.
 */
import { zoneOffsetMs } from '../time/zoned-input.js';

export const SCENARIO_WINDOWS: Record<string, { start: string; end: string }> = {
  feb3: { start: '2020-02-01T16:00:00.000Z', end: '2020-02-03T16:00:00.000Z' },
};

/** An instant as the value of a datetime-local field read in `timeZone` ("2020-02-03T09:00"). */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  return new Date(at + zoneOffsetMs(timeZone, at)).toISOString().slice(0, 16);
}
