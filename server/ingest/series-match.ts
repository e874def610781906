/**
 * Which services a remote-write series feeds, by each service's SeriesMapping: the metric
 * name must equal `__name__` and every label matcher must hold, with PromQL semantics.
 */
import type { LabelMatcher, Plan, SeriesMapping } from '../core/plan/types.js';
import type { Label } from './remote-write.js';

export interface SeriesMatch {
  service: string;
  measures: SeriesMapping['measures'];
  kind: SeriesMapping['kind'];
  /** the service and measure as one map key, built once per plan rather than per sample */
  group: string;
}

interface CompiledMatcher {
  label: string;
  test: (value: string) => boolean;
}

interface CompiledMapping extends SeriesMatch {
  metric: string;
  matchers: CompiledMatcher[];
}

// PromQL anchors regex matchers at both ends; an invalid pattern matches nothing rather
// than throwing, since the plan validator is where a bad pattern is reported.
function anchored(pattern: string): (value: string) => boolean {
  try {
    const re = new RegExp(`^(?:${pattern})$`, 'u');
    return (value) => re.test(value);
  } catch {
    return () => false;
  }
}

function compileMatcher(m: LabelMatcher): CompiledMatcher {
  switch (m.op) {
    case '=':
      return { label: m.label, test: (v) => v === m.value };
    case '!=':
      return { label: m.label, test: (v) => v !== m.value };
    case '=~':
      return { label: m.label, test: anchored(m.value) };
    case '!~': {
      const matches = anchored(m.value);
      return { label: m.label, test: (v) => !matches(v) };
    }
  }
}

// Compiled once per plan object: the plan is replaced, never mutated, when it changes.
// Indexed by metric name, so a series no mapping names costs one map lookup.
const compiled = new WeakMap<Plan, Map<string, CompiledMapping[]>>();

function compilePlan(plan: Plan): Map<string, CompiledMapping[]> {
  const cached = compiled.get(plan);
  if (cached) return cached;
  const byMetric = new Map<string, CompiledMapping[]>();
  const mappings = Object.values(plan.services).flatMap((service) =>
    service.series.map((s) => ({
      service: service.name,
      measures: s.measures,
      kind: s.kind,
      group: `${service.name}\u0000${s.measures}`,
      metric: s.metric,
      matchers: s.matchers.map(compileMatcher),
    })),
  );
  for (const m of mappings) byMetric.set(m.metric, [...(byMetric.get(m.metric) ?? []), m]);
  compiled.set(plan, byMetric);
  return byMetric;
}

/** Every service measure the series feeds; a label the series lacks reads as "", as in PromQL. */
export function matchSeries(plan: Plan, series: { labels: readonly Label[] }): SeriesMatch[] {
  const name = series.labels.find((l) => l.name === '__name__')?.value;
  const candidates = name === undefined ? undefined : compilePlan(plan).get(name);
  if (!candidates) return [];
  // a series has a handful of labels: a scan beats building a map for each
  const value = (name: string): string => series.labels.find((l) => l.name === name)?.value ?? '';
  return candidates
    .filter((m) => m.matchers.every((x) => x.test(value(x.label))))
    .map(({ service, measures, kind, group }) => ({ service, measures, kind, group }));
}
