/**
 * A short end-of-test text summary. k6 prints its own only when handleSummary returns no
 * `stdout`, and the jslib textSummary it copies is a remote module (no network here), so
 * the scripts that also write a JSON summary print this one. No k6 imports.
 */

/** The parts of k6's handleSummary data this reads. */
export interface SummaryData {
  state?: { testRunDurationMs?: number };
  /** what setup() returned */
  setup_data?: { drillId?: string; reportUrl?: string };
  metrics: Record<string, SummaryMetric>;
  root_group?: { checks?: SummaryCheck[] | Record<string, SummaryCheck> };
}

export interface SummaryMetric {
  type: 'counter' | 'gauge' | 'rate' | 'trend';
  contains?: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

export interface SummaryCheck {
  name: string;
  passes: number;
  fails: number;
}

const TREND_STATS = ['avg', 'med', 'p(95)', 'p(99)', 'max'];

function number(value: number | undefined, contains: string | undefined): string {
  if (value === undefined) return '-';
  if (contains === 'time') return value >= 1000 ? `${(value / 1000).toFixed(2)}s` : `${value.toFixed(1)}ms`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function values(metric: SummaryMetric): string {
  const v = metric.values;
  switch (metric.type) {
    case 'trend':
      if (v.count === 0) return '(no samples)';
      return TREND_STATS.filter((s) => s in v).map((s) => `${s}=${number(v[s], metric.contains)}`).join(' ');
    case 'rate':
      return `${((v.rate ?? 0) * 100).toFixed(2)}% (${v.passes ?? 0} of ${(v.passes ?? 0) + (v.fails ?? 0)})`;
    case 'counter':
      return `${number(v.count, metric.contains)} (${number(v.rate, undefined)}/s)`;
    default:
      return `${number(v.value, metric.contains)} (min ${number(v.min, metric.contains)}, max ${number(v.max, metric.contains)})`;
  }
}

function checkList(data: SummaryData): SummaryCheck[] {
  const checks = data.root_group?.checks ?? [];
  return Array.isArray(checks) ? checks : Object.values(checks);
}

/**
 * Whether a rate or a trend saw anything: a threshold on one that saw nothing measured
 * nothing, and must not read "ok". Counters and gauges with nothing are a real zero.
 */
export function sampled(metric: SummaryMetric): boolean {
  const v = metric.values;
  if (metric.type === 'trend') return (v.count ?? 1) > 0;
  if (metric.type === 'rate') return (v.passes ?? 0) + (v.fails ?? 0) > 0;
  return true;
}

function thresholdLine(name: string, source: string, ok: boolean, metric: SummaryMetric): string {
  if (!sampled(metric)) return `  FAIL ${name}: ${source} (no samples: nothing was measured in this window)`;
  return `  ${ok ? 'ok  ' : 'FAIL'} ${name}: ${source}`;
}

/** Thresholds first (what decides the exit code), then checks, then every metric. */
export function textSummary(title: string, data: SummaryData): string {
  const names = Object.keys(data.metrics).sort();
  const thresholds = names.flatMap((name) => {
    const metric = data.metrics[name];
    return metric === undefined ? [] : Object.entries(metric.thresholds ?? {}).map(([source, t]) => thresholdLine(name, source, t.ok, metric));
  });
  const failed = thresholds.filter((line) => line.startsWith('  FAIL')).length;
  const seconds = ((data.state?.testRunDurationMs ?? 0) / 1000).toFixed(1);
  const checks = checkList(data).map((c) => `  ${c.fails === 0 ? 'ok  ' : 'FAIL'} ${c.name}: ${c.passes} passed, ${c.fails} failed`);
  const width = Math.max(0, ...names.map((n) => n.length));
  const metrics = names.map((name) => {
    const metric = data.metrics[name];
    return metric === undefined ? '' : `  ${name.padEnd(width)}  ${values(metric)}`;
  });
  const report = data.setup_data?.reportUrl;
  return [
    '',
    `${title}: ${seconds} s, thresholds ${thresholds.length - failed} of ${thresholds.length} met`,
    ...(report === undefined ? [] : [`drill report: ${report}`]),
    ...thresholds,
    'checks',
    ...(checks.length > 0 ? checks : ['  (none)']),
    'metrics',
    ...metrics,
    '',
  ].join('\n');
}

/** What each script's handleSummary returns: this text on stdout and the whole data as JSON at `jsonPath`. */
export function summaryOutputs(title: string, data: SummaryData, jsonPath: string): Record<string, string> {
  return { stdout: textSummary(title, data), [jsonPath]: `${JSON.stringify(data, null, 2)}\n` };
}
