/**
 * What one remote-write request may carry. Each bound is checked while decoding, before the
 * object it guards is built, so a small body that would expand into millions of objects is
 * refused after a bounded amount of work. Sizes fit what Prometheus (max_samples_per_send
 * 2,000 by default) and k6 (every series in one push) send, with room to spare. 8 MiB
 * decompresses in about 7-20 ms with the native snappy decoder (30-125 ms with the snappyjs
 * fallback), the most one request may stall; see snappy-block.ts.
 */
export interface WriteRequestLimits {
  /** bytes after snappy decompression; snappy declares the length up front, so this is checked first */
  uncompressedBytes: number;
  series: number;
  /** labels over all series of the request */
  labels: number;
  labelsPerSeries: number;
  /** samples over all series of the request */
  samples: number;
  /** UTF-8 bytes of one label name */
  labelNameBytes: number;
  /** UTF-8 bytes of one label value */
  labelValueBytes: number;
}

export const DEFAULT_WRITE_REQUEST_LIMITS: WriteRequestLimits = {
  uncompressedBytes: 8 * 1024 * 1024,
  series: 20_000,
  labels: 200_000,
  labelsPerSeries: 64,
  samples: 100_000,
  labelNameBytes: 256,
  labelValueBytes: 4096,
};

/** Sample values of a matched series: NaN (Prometheus' stale marker) or finite within this magnitude. */
export const MAX_SAMPLE_MAGNITUDE = Number.MAX_SAFE_INTEGER;
/** Sample timestamps: epoch milliseconds from 1970 to the end of JavaScript's Date range (year 275760). */
export const MAX_TIMESTAMP_MS = 8.64e15;
