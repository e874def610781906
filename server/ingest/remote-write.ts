/**
 * Decoding of Prometheus remote write 1.0 bodies: a snappy block holding a protobuf
 * prometheus.WriteRequest. Errors are values so the route can answer 400 as the spec asks.
 */
import protobuf from 'protobufjs';
import snappy from 'snappyjs';
import { fail, ok } from '../core/errors.js';
import type { Result } from '../core/errors.js';

export interface Label {
  name: string;
  value: string;
}

export interface Sample {
  value: number;
  /** epoch milliseconds */
  timestamp: number;
}

export interface TimeSeries {
  labels: Label[];
  samples: Sample[];
}

export interface MetricMetadata {
  type: number;
  metricFamilyName: string;
  help: string;
  unit: string;
}

export interface WriteRequest {
  timeseries: TimeSeries[];
  metadata: MetricMetadata[];
}

/** Uncompressed bodies beyond this are refused before any allocation (a snappy header declares the length). */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

// prometheus/prompb/types.proto and remote.proto, the fields remote write 1.0 defines.
// Fields k6 adds (native histograms, exemplars) are unknown here and skipped by the decoder.
const root = protobuf.Root.fromJSON({
  nested: {
    prometheus: {
      nested: {
        WriteRequest: {
          fields: {
            timeseries: { rule: 'repeated', type: 'TimeSeries', id: 1 },
            metadata: { rule: 'repeated', type: 'MetricMetadata', id: 3 },
          },
        },
        TimeSeries: {
          fields: {
            labels: { rule: 'repeated', type: 'Label', id: 1 },
            samples: { rule: 'repeated', type: 'Sample', id: 2 },
          },
        },
        Label: { fields: { name: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
        Sample: { fields: { value: { type: 'double', id: 1 }, timestamp: { type: 'int64', id: 2 } } },
        MetricMetadata: {
          fields: {
            type: { type: 'int32', id: 1 },
            metricFamilyName: { type: 'string', id: 2 },
            help: { type: 'string', id: 4 },
            unit: { type: 'string', id: 5 },
          },
        },
      },
    },
  },
});

/** The reflected message type, exported so tests and tools can encode requests the way Prometheus does. */
export const WriteRequestType = root.lookupType('prometheus.WriteRequest');

const CONVERSION = { longs: Number, defaults: true, arrays: true } as const;

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Snappy-block decompress then protobuf-decode a remote write body. */
export function decodeWriteRequest(body: Buffer): Result<WriteRequest> {
  let raw: Buffer;
  try {
    raw = snappy.uncompress(body, MAX_UNCOMPRESSED_BYTES);
  } catch (e) {
    return fail({ code: 'remote-write.snappy', message: `snappy: ${reason(e)}; send the body snappy block-compressed (not framed)` });
  }
  try {
    const message = WriteRequestType.decode(raw);
    return ok(WriteRequestType.toObject(message, CONVERSION) as WriteRequest);
  } catch (e) {
    return fail({ code: 'remote-write.protobuf', message: `protobuf: ${reason(e)}; send a prometheus.WriteRequest message` });
  }
}

/** Protobuf-encode and snappy-compress a request, exactly as Prometheus and k6 send it. */
export function encodeWriteRequest(request: { timeseries: TimeSeries[] }): Buffer {
  const bytes = WriteRequestType.encode(WriteRequestType.fromObject(request)).finish();
  return snappy.compress(Buffer.from(bytes));
}
