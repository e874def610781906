/**
 * Just enough of the Prometheus text format to read our own /metrics in tests: sample lines
 * `name{label="value",...} number`, comments skipped. Label values here are plain words.
 */
export interface ScrapedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseExposition(text: string): ScrapedSample[] {
  return text.split('\n').flatMap((line) => {
    const m = LINE.exec(line);
    if (!m) return [];
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(LABEL)) labels[k!] = v!;
    return [{ name: m[1]!, labels, value: Number(m[3]) }];
  });
}

/** Samples of one metric whose labels include `match`. */
export function samplesOf(samples: ScrapedSample[], name: string, match: Record<string, string> = {}): ScrapedSample[] {
  return samples.filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v));
}
