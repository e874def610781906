import type { FlashcrowdError } from '../errors.js';
import { parseIsoInstant } from './scenario-time.js';
import { SCENARIO_LIMITS } from './scenario-validate.js';

export interface TraceSample {
  line: number;
  service: string;
  /** epoch ms */
  t: number;
  rps: number;
  /** the timestamp as written */
  text: string;
}

export interface TraceRows {
  samples: TraceSample[];
  errors: FlashcrowdError[];
}

type Column = 'timestamp' | 'rps' | 'service';
const COLUMNS: readonly Column[] = ['timestamp', 'rps', 'service'];
const HEADER_HINT = 'the first line must be the header timestamp,rps (or timestamp,rps,service)';
const SECONDS = /^[+-]?\d+(\.\d+)?$/;
const TIMESTAMP_HINT = 'an ISO 8601 date-time with an offset (2020-02-03T09:00:00+08:00) or seconds (1580691600)';
/** Seconds up to the end of year 9999, the last instant ISO 8601 text can name. */
const MAX_SECONDS = 253_402_300_799;
// a trace becomes a scenario: its rates, service names and services have the scenario's caps
const { maxRps: MAX_RPS, nameLength: MAX_SERVICE_NAME, services: MAX_SERVICES } = SCENARIO_LIMITS;

interface Field {
  text: string;
  /** 1-based character column where the field starts */
  column: number;
}

/**
 * Reads and checks every row of a trace. Blank lines and lines starting with '#' are
 * skipped; fields may be wrapped in double quotes. Rows without a service column belong to
 * `defaultService`. Errors keep coming after the first, so a file can be fixed in one pass.
 */
export function readTraceRows(text: string, file: string, defaultService: string): TraceRows {
  const errors: FlashcrowdError[] = [];
  const error: ErrorSink = (code, line, message, column, field) =>
    // a row-wide problem (too few fields, an empty file) points at the row's first column
    void errors.push({ code, message, file, line, column: column ?? 1, ...(field ? { field } : {}) });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const content = lines.flatMap((raw, i) => (raw.trim() === '' || raw.trimStart().startsWith('#') ? [] : [{ raw, line: i + 1 }]));
  const header = content[0];
  if (!header) {
    error('csv.empty', 1, `the trace is empty; ${HEADER_HINT}, then one sample per line`);
    return { samples: [], errors };
  }
  const columns = readHeader(splitFields(header.raw), header.line, error);
  if (!columns) return { samples: [], errors };
  const samples: TraceSample[] = [];
  const last: Record<string, TraceSample> = Object.create(null) as Record<string, TraceSample>;
  const form: TimestampForm = { kind: null };
  for (const { raw, line } of content.slice(1)) {
    const fields = splitFields(raw);
    if (fields.length !== columns.length) {
      error('csv.columns', line, `expected ${columns.length} fields (${columns.join(',')}), found ${fields.length}`);
      continue;
    }
    const sample = readSample(fields, columns, line, defaultService, form, error);
    if (!sample) continue;
    if (!(sample.service in last) && Object.keys(last).length >= MAX_SERVICES) {
      error('csv.service', line, `a trace may hold at most ${MAX_SERVICES} services; ${JSON.stringify(sample.service)} would be one more`, fields[columns.indexOf('service')]?.column, 'service');
      continue;
    }
    const previous = last[sample.service];
    if (previous && sample.t <= previous.t) {
      const message = `timestamp ${sample.text} is not after ${previous.text} (line ${previous.line}), the previous sample of ${sample.service}; each service's samples must be in increasing time order`;
      error('csv.order', line, message, fields[columns.indexOf('timestamp')]?.column, 'timestamp');
      continue;
    }
    last[sample.service] = sample;
    samples.push(sample);
  }
  if (samples.length === 0 && errors.length === 0) error('csv.empty', header.line, 'the trace has a header but no samples');
  return { samples, errors };
}

type ErrorSink = (code: string, line: number, message: string, column?: number, field?: string) => void;

/** ISO 8601 or seconds: set by the first good timestamp, then required of every row. */
interface TimestampForm {
  kind: 'iso' | 'seconds' | null;
}

function readSample(fields: Field[], columns: Column[], line: number, defaultService: string, form: TimestampForm, error: ErrorSink): TraceSample | null {
  const at = (c: Column): Field | undefined => fields[columns.indexOf(c)];
  const stamp = at('timestamp') as Field;
  const rpsField = at('rps') as Field;
  const serviceField = at('service');
  const kind = SECONDS.test(stamp.text) ? 'seconds' : 'iso';
  const seconds = Number(stamp.text);
  const t = kind === 'iso' ? parseIsoInstant(stamp.text) : Math.abs(seconds) <= MAX_SECONDS ? Math.round(seconds * 1000) : null;
  const rps = rpsField.text === '' ? Number.NaN : Number(rpsField.text);
  const service = serviceField ? serviceField.text : defaultService;
  let ok = true;
  if (t === null) {
    error('csv.timestamp', line, `timestamp ${JSON.stringify(stamp.text)} is not ${TIMESTAMP_HINT}`, stamp.column, 'timestamp');
    ok = false;
  } else if (form.kind !== null && kind !== form.kind) {
    const name = { iso: 'ISO 8601', seconds: 'seconds' };
    error('csv.timestamp', line, `timestamp ${JSON.stringify(stamp.text)} is in ${name[kind]} but earlier rows use ${name[form.kind]}; use one form for the whole trace`, stamp.column, 'timestamp');
    ok = false;
  } else {
    form.kind = kind;
  }
  if (!(rps >= 0 && rps <= MAX_RPS)) {
    error('csv.rps', line, `rps ${JSON.stringify(rpsField.text)} is not a number from 0 to ${MAX_RPS} (requests per second)`, rpsField.column, 'rps');
    ok = false;
  }
  if (serviceField && (service === '' || service.length > MAX_SERVICE_NAME)) {
    error('csv.service', line, `service must be a name of 1 to ${MAX_SERVICE_NAME} characters naming the service this sample belongs to`, serviceField.column, 'service');
    ok = false;
  }
  return ok && t !== null ? { line, service, t, rps, text: stamp.text } : null;
}

function readHeader(fields: Field[], line: number, error: ErrorSink): Column[] | null {
  const names = fields.map((f) => f.text.toLowerCase());
  const first = fields[0];
  if (first && (SECONDS.test(first.text) || parseIsoInstant(first.text) !== null)) {
    error('csv.header', line, `missing header: ${HEADER_HINT}`, 1);
    return null;
  }
  let bad = false;
  names.forEach((name, i) => {
    if ((COLUMNS as readonly string[]).includes(name) && names.indexOf(name) === i) return;
    const what = (COLUMNS as readonly string[]).includes(name) ? `column ${name} appears twice` : `unknown column ${JSON.stringify(fields[i]?.text)}`;
    error('csv.header', line, `${what}; ${HEADER_HINT}`, fields[i]?.column);
    bad = true;
  });
  for (const required of ['timestamp', 'rps']) {
    if (!names.includes(required)) {
      error('csv.header', line, `the header has no ${required} column; ${HEADER_HINT}`);
      bad = true;
    }
  }
  return bad ? null : (names as Column[]);
}

function splitFields(raw: string): Field[] {
  const fields: Field[] = [];
  let column = 1;
  for (const part of raw.split(',')) {
    const lead = part.length - part.trimStart().length;
    fields.push({ text: part.trim().replace(/^"(.*)"$/, '$1'), column: column + lead });
    column += part.length + 1;
  }
  return fields;
}
