/**
 * Remote-write series mappings. Matcher values use prefixes in place of PromQL operators:
 * "v" is =, "~re" is =~, "!v" is !=, "!~re" is !~; "{service}" stands for the service key.
 */
import type { ServiceDocument } from './schema-service.js';
import type { ServiceContext } from './service-context.js';
import type { LabelMatcher, SeriesMapping } from './types.js';

export function parseMatcher(label: string, written: string, service: string): LabelMatcher {
  const value = written.replaceAll('{service}', service);
  if (value.startsWith('!~')) return { label, op: '!~', value: value.slice(2) };
  if (value.startsWith('~')) return { label, op: '=~', value: value.slice(1) };
  if (value.startsWith('!')) return { label, op: '!=', value: value.slice(1) };
  return { label, op: '=', value };
}

/** Why `pattern` is not a usable regex, or null; Prometheus anchors regex matchers, so we test it anchored. */
function regexProblem(pattern: string): string | null {
  try {
    new RegExp(`^(?:${pattern})$`);
    return null;
  } catch (error) {
    // V8 prefixes the reason with the whole (anchored) pattern, which is not what the user wrote
    const message = error instanceof Error ? error.message : String(error);
    return message.split(': ').pop() ?? message;
  }
}

export function compileSeries(doc: ServiceDocument, context: ServiceContext): SeriesMapping[] {
  return (doc.series ?? []).map((series, index) => {
    const matchers = Object.entries(series.matchers ?? {}).map(([label, written]) => {
      const matcher = parseMatcher(label, written, context.name);
      const problem = matcher.op === '=~' || matcher.op === '!~' ? regexProblem(matcher.value) : null;
      if (problem !== null) {
        context.report('plan.regex', ['series', index, 'matchers', label], `invalid regular expression "${matcher.value}": ${problem}`);
      }
      return matcher;
    });
    return {
      metric: series.metric,
      matchers,
      kind: series.kind ?? (series.metric.endsWith('_total') ? 'counter' : 'gauge'),
      measures: series.measures ?? 'rps',
    };
  });
}
