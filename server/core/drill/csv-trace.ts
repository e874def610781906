/**
 * CSV traces: recorded demand as `timestamp,rps` lines, optionally with a `service` column
 * interleaving several services. Timestamps are ISO 8601 with an offset, or seconds: seconds
 * are counted from 1970-01-01T00:00:00Z, so epoch seconds are real instants and a trace that
 * counts from 0 simply starts at that instant (only the spacing matters to a replay). One
 * form per trace. Samples may be irregular; they are resampled onto a regular step
 * (csv-trace-resample.ts).
 */
import { fail, ok, type Result } from '../errors.js';
import { groupCsvErrors } from './csv-trace-errors.js';
import { readTraceRows } from './csv-trace-rows.js';
import { MAX_POINTS, resampleTrace } from './csv-trace-resample.js';
import type { Scenario } from './scenario.js';
import { formatIsoWithOffset, isoOffset } from './scenario-time.js';

export { formatCsvTrace } from './csv-trace-write.js';
export type { CsvTraceFormat } from './csv-trace-write.js';

export { MAX_CSV_ERRORS } from './csv-trace-errors.js';
/** The service of a trace without a service column, unless opts.service names it. */
export const DEFAULT_TRACE_SERVICE = 'default';

/**
 * A scenario from a CSV trace. `opts.service` names the service of a trace without a
 * service column; for a trace with one, only that service's rows are kept.
 */
export function parseCsvTrace(text: string, file: string, opts: { service?: string } = {}): Result<Scenario> {
  const rows = readTraceRows(text, file, opts.service ?? DEFAULT_TRACE_SERVICE);
  if (rows.errors.length > 0) return fail(...groupCsvErrors(rows.errors, file));
  const services = [...new Set(rows.samples.map((s) => s.service))];
  const samples = opts.service === undefined ? rows.samples : rows.samples.filter((s) => s.service === opts.service);
  if (samples.length === 0) {
    return fail({ code: 'csv.service', message: `the trace has no samples of service ${opts.service}; it has ${services.join(', ')}`, file, field: 'service' });
  }
  const grid = resampleTrace(samples);
  if ('tooLong' in grid) {
    return fail({
      code: 'csv.too-long',
      message: `resampled at the trace's smallest spacing the trace would need ${grid.tooLong} points (at most ${MAX_POINTS}); thin out the closely spaced samples or shorten the trace`,
      file,
    });
  }
  const first = samples.reduce((a, b) => (b.t < a.t ? b : a));
  const offset = isoOffset(first.text);
  return ok({
    name: baseName(file),
    description: `CSV trace ${file}: ${samples.length} samples of ${Object.keys(grid.services).join(', ')}, resampled to one every ${grid.stepSeconds} s`,
    timezone: offset === null ? 'UTC' : zoneOfOffset(offset),
    start: offset === null ? new Date(grid.startMs).toISOString() : formatIsoWithOffset(grid.startMs, offset),
    stepSeconds: grid.stepSeconds,
    services: grid.services,
    seed: null,
    params: null,
  });
}

/** An offset names no place; Etc/GMT-8 is the IANA zone that is always UTC+8 (the sign is inverted by POSIX convention). */
function zoneOfOffset(offset: string): string {
  const m = /^([+-])(\d{2}):00$/.exec(offset);
  if (!m || m[2] === '00') return 'UTC';
  return `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}`;
}

function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, '') || file;
}
