/**
 * A protobuf decoder for prometheus.WriteRequest that counts before it builds: every series,
 * label and sample is checked against the limits before its object exists, so a bomb of
 * empty series is refused after at most `limits.series` small objects.
 */
import protobuf from 'protobufjs';
import { fail, ok } from '../core/errors.js';
import type { FlashcrowdError, Result } from '../core/errors.js';
import type { LabelInterner } from './label-interner.js';
import type { Label, Sample, TimeSeries, WriteRequest } from './remote-write.js';
import type { WriteRequestLimits } from './write-request-limits.js';

const { Reader } = protobuf;
type ProtoReader = protobuf.Reader;

const LENGTH_DELIMITED = 2;

class Refusal extends Error {
  constructor(readonly error: FlashcrowdError) {
    super(error.message);
  }
}

const refuse = (field: string, message: string): Refusal =>
  new Refusal({ code: 'remote-write.limit', message: `${field}: ${message}`, field });

/** The uncompressed length a snappy block declares in its leading varint; null when unreadable. */
export function snappyDeclaredLength(body: Uint8Array): number | null {
  let length = 0;
  for (let i = 0; i < 5 && i < body.length; i++) {
    const byte = body[i] as number;
    length += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return length;
  }
  return null;
}

// Groups (wire types 3 and 4) are deprecated and never sent by Prometheus; skipping them
// would recurse once per nesting level, so they are refused instead.
function skipField(reader: ProtoReader, wireType: number): void {
  switch (wireType) {
    case 0: reader.skip(); return;
    case 1: reader.skip(8); return;
    case 2: reader.skip(reader.uint32()); return;
    case 5: reader.skip(4); return;
    default: throw new Error(`wire type ${wireType} is not supported`);
  }
}

interface Budget {
  limits: WriteRequestLimits;
  labels: number;
  samples: number;
  /** the message being read, to take a series' label bytes from */
  raw: Buffer;
  interner: LabelInterner | undefined;
}

/** A length-delimited string whose UTF-8 length is checked before it is decoded. */
function boundedString(reader: ProtoReader, maxBytes: number, field: () => string, what: string): string {
  const start = reader.pos;
  const length = reader.uint32();
  if (length > maxBytes) throw refuse(field(), `a ${what} of ${length} bytes is longer than the ${maxBytes} allowed`);
  reader.pos = start;
  return reader.string();
}

// Field paths are built only for an error: a request holds thousands of series.
const seriesField = (series: number): string => `timeseries[${series}]`;
const labelField = (series: number, label: number): string => `${seriesField(series)}.labels[${label}]`;

function readLabel(reader: ProtoReader, end: number, budget: Budget, series: number, index: number): Label {
  const label: Label = { name: '', value: '' };
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | LENGTH_DELIMITED)) label.name = boundedString(reader, budget.limits.labelNameBytes, () => `${labelField(series, index)}.name`, 'label name');
    else if (tag === ((2 << 3) | LENGTH_DELIMITED)) label.value = boundedString(reader, budget.limits.labelValueBytes, () => `${labelField(series, index)}.value`, 'label value');
    else skipField(reader, tag & 7);
  }
  return label;
}

function readSample(reader: ProtoReader, end: number): Sample {
  const sample: Sample = { value: 0, timestamp: 0 };
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | 1)) sample.value = reader.double();
    else if (tag === (2 << 3)) sample.timestamp = readInt64(reader);
    else skipField(reader, tag & 7);
  }
  return sample;
}

/**
 * An int64 as a number. Every timestamp a sender means (below 2^56) is read straight from
 * its varint bytes; protobufjs' own reader builds a Long object per sample for it.
 */
function readInt64(reader: ProtoReader): number {
  const { buf } = reader;
  let value = 0;
  let scale = 1;
  for (let pos = reader.pos; pos < reader.len && pos - reader.pos < 8; pos++) {
    const byte = buf[pos] as number;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      reader.pos = pos + 1;
      return value;
    }
    scale *= 128;
  }
  // negative, huge or cut short: protobufjs decodes it or says what is wrong
  const t = reader.int64() as unknown as number | { toNumber(): number };
  return typeof t === 'number' ? t : t.toNumber();
}

function nested(reader: ProtoReader): number {
  const length = reader.uint32();
  const end = reader.pos + length;
  if (end > reader.len) throw new Error(`a field of ${length} bytes runs past the end of the message`);
  return end;
}

const LABEL_TAG = (1 << 3) | LENGTH_DELIMITED;

function countLabel(budget: Budget, series: number, index: number): void {
  const { limits } = budget;
  if (index >= limits.labelsPerSeries) throw refuse(`${seriesField(series)}.labels`, `more than ${limits.labelsPerSeries} labels on one series`);
  if (++budget.labels > limits.labels) throw refuse(labelField(series, index), `more than ${limits.labels} labels in one request; send smaller requests`);
}

/** Steps over the labels at the reader's position, counting them, without decoding any. */
function skipLabelRun(reader: ProtoReader, end: number): number {
  let count = 0;
  while (reader.pos < end) {
    const start = reader.pos;
    if (reader.uint32() !== LABEL_TAG) {
      reader.pos = start;
      break;
    }
    reader.pos = nested(reader);
    count++;
  }
  return count;
}

/**
 * The labels a series starts with, from the interner when the same bytes were decoded
 * before; `shared` when the list may be another series' too and so must not be added to.
 */
function leadingLabels(reader: ProtoReader, end: number, budget: Budget, series: number): { labels: readonly Label[]; shared: boolean } {
  const { interner } = budget;
  const start = reader.pos;
  const count = interner ? skipLabelRun(reader, end) : 0;
  if (!interner || count === 0) {
    reader.pos = start;
    return { labels: [], shared: false };
  }
  const bytes = budget.raw.toString('latin1', start, reader.pos);
  const known = interner.get(bytes);
  if (known) {
    for (let i = 0; i < count; i++) countLabel(budget, series, i);
    return { labels: known, shared: true };
  }
  const runEnd = reader.pos;
  reader.pos = start;
  const labels: Label[] = [];
  while (reader.pos < runEnd) {
    reader.uint32();
    countLabel(budget, series, labels.length);
    labels.push(readLabel(reader, nested(reader), budget, series, labels.length));
  }
  interner.add(bytes, labels);
  return { labels, shared: true };
}

function readSeries(reader: ProtoReader, end: number, budget: Budget, index: number): TimeSeries {
  const leading = leadingLabels(reader, end, budget, index);
  const samples: Sample[] = [];
  let labels = leading.labels as Label[];
  let shared = leading.shared;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === LABEL_TAG) {
      // a label after the samples: rare, never interned
      if (shared) {
        labels = [...labels];
        shared = false;
      }
      countLabel(budget, index, labels.length);
      labels.push(readLabel(reader, nested(reader), budget, index, labels.length));
    } else if (tag === ((2 << 3) | LENGTH_DELIMITED)) {
      if (++budget.samples > budget.limits.samples) throw refuse(`${seriesField(index)}.samples[${samples.length}]`, `more than ${budget.limits.samples} samples in one request; send smaller requests`);
      samples.push(readSample(reader, nested(reader)));
    } else skipField(reader, tag & 7);
  }
  return { labels, samples };
}

/**
 * Decodes an uncompressed WriteRequest; anything past a limit is a 400-worthy error naming
 * the field. With an interner, series whose label bytes it knows share its decoded labels
 * (one interner per set of limits: what it holds passed them).
 */
export function decodeProtobuf(raw: Uint8Array, limits: WriteRequestLimits, interner?: LabelInterner): Result<WriteRequest> {
  const reader = Reader.create(raw);
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const budget: Budget = { limits, labels: 0, samples: 0, raw: bytes, interner };
  const timeseries: TimeSeries[] = [];
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag !== ((1 << 3) | LENGTH_DELIMITED)) {
        skipField(reader, tag & 7);
        continue;
      }
      if (timeseries.length >= limits.series) throw refuse(seriesField(timeseries.length), `more than ${limits.series} series in one request; send smaller requests (lower max_samples_per_send)`);
      timeseries.push(readSeries(reader, nested(reader), budget, timeseries.length));
    }
  } catch (e) {
    if (e instanceof Refusal) return fail(e.error);
    const reason = e instanceof Error ? e.message : String(e);
    return fail({ code: 'remote-write.protobuf', message: `protobuf: ${reason}; send a prometheus.WriteRequest message`, field: 'body' });
  }
  return ok({ timeseries });
}
