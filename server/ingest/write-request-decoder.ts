/**
 * A protobuf decoder for prometheus.WriteRequest that counts before it builds: every series,
 * label and sample is checked against the limits before its object exists, so a bomb of
 * empty series is refused after at most `limits.series` small objects.
 */
import protobuf from 'protobufjs';
import { fail, ok } from '../core/errors.js';
import type { FlashcrowdError, Result } from '../core/errors.js';
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
}

/** A length-delimited string whose UTF-8 length is checked before it is decoded. */
function boundedString(reader: ProtoReader, maxBytes: number, field: string, what: string): string {
  const start = reader.pos;
  const length = reader.uint32();
  if (length > maxBytes) throw refuse(field, `a ${what} of ${length} bytes is longer than the ${maxBytes} allowed`);
  reader.pos = start;
  return reader.string();
}

function readLabel(reader: ProtoReader, end: number, budget: Budget, field: string): Label {
  const label: Label = { name: '', value: '' };
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | LENGTH_DELIMITED)) label.name = boundedString(reader, budget.limits.labelNameBytes, `${field}.name`, 'label name');
    else if (tag === ((2 << 3) | LENGTH_DELIMITED)) label.value = boundedString(reader, budget.limits.labelValueBytes, `${field}.value`, 'label value');
    else skipField(reader, tag & 7);
  }
  return label;
}

function readSample(reader: ProtoReader, end: number): Sample {
  const sample: Sample = { value: 0, timestamp: 0 };
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | 1)) sample.value = reader.double();
    else if (tag === (2 << 3)) {
      // a Long when the long package is installed, else a number
      const t = reader.int64() as unknown as number | { toNumber(): number };
      sample.timestamp = typeof t === 'number' ? t : t.toNumber();
    } else skipField(reader, tag & 7);
  }
  return sample;
}

function nested(reader: ProtoReader): number {
  const length = reader.uint32();
  const end = reader.pos + length;
  if (end > reader.len) throw new Error(`a field of ${length} bytes runs past the end of the message`);
  return end;
}

function readSeries(reader: ProtoReader, end: number, budget: Budget, field: string): TimeSeries {
  const { limits } = budget;
  const series: TimeSeries = { labels: [], samples: [] };
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | LENGTH_DELIMITED)) {
      const labelField = `${field}.labels[${series.labels.length}]`;
      if (series.labels.length >= limits.labelsPerSeries) throw refuse(`${field}.labels`, `more than ${limits.labelsPerSeries} labels on one series`);
      if (++budget.labels > limits.labels) throw refuse(labelField, `more than ${limits.labels} labels in one request; send smaller requests`);
      series.labels.push(readLabel(reader, nested(reader), budget, labelField));
    } else if (tag === ((2 << 3) | LENGTH_DELIMITED)) {
      if (++budget.samples > limits.samples) throw refuse(`${field}.samples[${series.samples.length}]`, `more than ${limits.samples} samples in one request; send smaller requests`);
      series.samples.push(readSample(reader, nested(reader)));
    } else skipField(reader, tag & 7);
  }
  return series;
}

/** Decodes an uncompressed WriteRequest; anything past a limit is a 400-worthy error naming the field. */
export function decodeProtobuf(raw: Uint8Array, limits: WriteRequestLimits): Result<WriteRequest> {
  const reader = Reader.create(raw);
  const budget: Budget = { limits, labels: 0, samples: 0 };
  const timeseries: TimeSeries[] = [];
  try {
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag !== ((1 << 3) | LENGTH_DELIMITED)) {
        skipField(reader, tag & 7);
        continue;
      }
      const field = `timeseries[${timeseries.length}]`;
      if (timeseries.length >= limits.series) throw refuse(field, `more than ${limits.series} series in one request; send smaller requests (lower max_samples_per_send)`);
      timeseries.push(readSeries(reader, nested(reader), budget, field));
    }
  } catch (e) {
    if (e instanceof Refusal) return fail(e.error);
    const reason = e instanceof Error ? e.message : String(e);
    return fail({ code: 'remote-write.protobuf', message: `protobuf: ${reason}; send a prometheus.WriteRequest message`, field: 'body' });
  }
  return ok({ timeseries });
}
