/** One observation of a service handed to the engine's shell; `t` is epoch milliseconds. */
export interface IngestSample {
  service: string;
  t: number;
  rps?: number;
  latencyMs?: number;
  errorRate?: number;
}
