/**
 * Decoding of Prometheus remote write 1.0 bodies: a snappy block holding a protobuf
 * prometheus.WriteRequest. Errors are values so the route can answer 400 as the spec asks.
 */
import protobuf from 'protobufjs';
import { fail } from '../core/errors.js';
import type { Result } from '../core/errors.js';
import { compressBlock, uncompressBlock } from './snappy-block.js';
import type { LabelInterner } from './label-interner.js';
import { decodeProtobuf, snappyDeclaredLength } from './write-request-decoder.js';
import { DEFAULT_WRITE_REQUEST_LIMITS } from './write-request-limits.js';
import type { WriteRequestLimits } from './write-request-limits.js';

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
  /** shared between requests when decoded with an interner: never changed in place */
  labels: readonly Label[];
  samples: Sample[];
}

export interface WriteRequest {
  timeseries: TimeSeries[];
}

// prometheus/prompb/types.proto and remote.proto, the fields remote write 1.0 defines; used
// to encode requests (tests, the bench). Decoding is hand-written below so it can count
// before it builds.
const root = protobuf.Root.fromJSON({
  nested: {
    prometheus: {
      nested: {
        WriteRequest: { fields: { timeseries: { rule: 'repeated', type: 'TimeSeries', id: 1 } } },
        TimeSeries: {
          fields: {
            labels: { rule: 'repeated', type: 'Label', id: 1 },
            samples: { rule: 'repeated', type: 'Sample', id: 2 },
          },
        },
        Label: { fields: { name: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
        Sample: { fields: { value: { type: 'double', id: 1 }, timestamp: { type: 'int64', id: 2 } } },
      },
    },
  },
});

/** The reflected message type, exported so tests and tools can encode requests the way Prometheus does. */
export const WriteRequestType = root.lookupType('prometheus.WriteRequest');

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Snappy-block decompress then protobuf-decode a remote write body, within `limits`: the
 * length snappy declares is checked before anything is decompressed.
 * Fields other than labels and samples (metadata, exemplars, native histograms) are skipped
 * unread. With an interner, series it has seen share their decoded labels with earlier requests.
 */
export function decodeWriteRequest(body: Buffer, limits: WriteRequestLimits = DEFAULT_WRITE_REQUEST_LIMITS, interner?: LabelInterner): Result<WriteRequest> {
  const declared = snappyDeclaredLength(body);
  if (declared !== null && declared > limits.uncompressedBytes) {
    const message = `body: declares ${declared} bytes uncompressed, more than the ${limits.uncompressedBytes} allowed; send smaller requests (lower max_samples_per_send)`;
    return fail({ code: 'remote-write.limit', message, field: 'body' });
  }
  if (declared === null) {
    return fail({ code: 'remote-write.snappy', message: 'snappy: the block does not start with a valid length; send the body snappy block-compressed (not framed)', field: 'body' });
  }
  let raw: Buffer;
  try {
    raw = uncompressBlock(body, limits.uncompressedBytes);
  } catch (e) {
    return fail({ code: 'remote-write.snappy', message: `snappy: ${reason(e)}; send the body snappy block-compressed (not framed)`, field: 'body' });
  }
  return decodeProtobuf(raw, limits, interner);
}

/** Protobuf-encode and snappy-compress a request, exactly as Prometheus and k6 send it. */
export function encodeWriteRequest(request: { timeseries: TimeSeries[] }): Buffer {
  const bytes = WriteRequestType.encode(WriteRequestType.fromObject(request)).finish();
  return compressBlock(Buffer.from(bytes));
}
