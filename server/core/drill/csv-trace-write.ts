import type { Scenario } from './scenario.js';
import { formatIsoWithOffset, isoOffset } from './scenario-time.js';

export interface CsvTraceFormat {
  /** services to write; one means no service column, several are interleaved by time */
  services: string[];
  /** samples in [fromMs, toMs], epoch ms */
  fromMs: number;
  toMs: number;
  /** ISO 8601 in the scenario's own offset, or epoch seconds */
  timestamps: 'iso' | 'seconds';
}

/** A slice of a scenario as a CSV trace, one line per sample, with a final newline. */
export function formatCsvTrace(s: Scenario, format: CsvTraceFormat): string {
  const startMs = Date.parse(s.start);
  const stepMs = s.stepSeconds * 1000;
  const offset = isoOffset(s.start) ?? 'Z';
  const withService = format.services.length > 1;
  const lines = [withService ? 'timestamp,rps,service' : 'timestamp,rps'];
  const count = Math.max(0, ...format.services.map((name) => s.services[name]?.length ?? 0));
  for (let i = 0; i < count; i++) {
    const t = startMs + i * stepMs;
    if (t < format.fromMs || t > format.toMs) continue;
    const stamp = format.timestamps === 'iso' ? formatIsoWithOffset(t, offset) : String(t / 1000);
    for (const name of format.services) {
      const rps = s.services[name]?.[i];
      if (rps !== undefined) lines.push(withService ? `${stamp},${rps},${name}` : `${stamp},${rps}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
