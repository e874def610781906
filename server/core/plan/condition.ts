/**
 * Trigger conditions, written compactly as "utilization >= 0.9" or as {metric, op, value}.
 * A value may name the service's latency objective, "slo" or "0.5*slo", so one set of
 * triggers in `defaults` fits services with different objectives.
 */
import type { ComparisonOp, Condition, ConditionMetric } from './types.js';
import { didYouMean, quotedList } from './did-you-mean.js';

export const CONDITION_METRICS: readonly ConditionMetric[] = [
  'rps', 'baselineMultiple', 'growthPctPerMin', 'utilization', 'latencyMs', 'errorRate',
];
export const COMPARISON_OPS: readonly ComparisonOp[] = ['>=', '<=', '>', '<'];

const NUMBER = '-?[0-9]+(?:\\.[0-9]+)?';
/** A threshold: a number, "slo", or "<number>*slo". */
export const THRESHOLD_PATTERN = `^\\s*(?:${NUMBER}|(?:[0-9]+(?:\\.[0-9]+)?\\s*\\*\\s*)?slo)\\s*$`;
export const CONDITION_PATTERN =
  `^\\s*(?:${CONDITION_METRICS.join('|')})\\s*(?:>=|<=|>|<)\\s*(?:${NUMBER}|(?:[0-9]+(?:\\.[0-9]+)?\\s*\\*\\s*)?slo)\\s*$`;

/** A condition before the service's latency objective is known. */
export interface ConditionSpec {
  metric: ConditionMetric;
  op: ComparisonOp;
  value: number;
  /** when set, the threshold is this multiple of the service's sloLatencyMs and `value` is ignored */
  sloMultiple: number | null;
}

export interface ConditionObject {
  metric: ConditionMetric;
  op: ComparisonOp;
  value: number | string;
}

function parseThreshold(text: string): Pick<ConditionSpec, 'value' | 'sloMultiple'> | null {
  const trimmed = text.trim();
  if (new RegExp(`^${NUMBER}$`).test(trimmed)) return { value: Number(trimmed), sloMultiple: null };
  const slo = /^(?:([0-9]+(?:\.[0-9]+)?)\s*\*\s*)?slo$/.exec(trimmed);
  if (!slo) return null;
  return { value: 0, sloMultiple: slo[1] === undefined ? 1 : Number(slo[1]) };
}

const SHAPE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|=>|=<|==|=|>|<|!=)?\s*(.*?)\s*$/;

/** The condition in a compact string, or a sentence saying what is wrong with it. */
export function parseConditionText(text: string): ConditionSpec | { problem: string } {
  const shape = SHAPE.exec(text);
  const [, metric = '', op = '', threshold = ''] = shape ?? [];
  if (!shape || !op) return { problem: `expected a condition like "utilization >= 0.9" (metric, comparison, number), got "${text}"` };
  if (!CONDITION_METRICS.includes(metric as ConditionMetric)) {
    return { problem: `unknown metric "${metric}"${didYouMean(metric, CONDITION_METRICS)} (metrics: ${quotedList(CONDITION_METRICS)})` };
  }
  if (!COMPARISON_OPS.includes(op as ComparisonOp)) {
    return { problem: `unknown comparison "${op}" in "${text}"; expected ${quotedList(COMPARISON_OPS)}` };
  }
  const value = parseThreshold(threshold);
  if (!value) return { problem: `expected a number, "slo" or "0.5*slo" after "${op}", got "${threshold}"` };
  return { metric: metric as ConditionMetric, op: op as ComparisonOp, ...value };
}

/** Condition objects have passed the schema, so only their threshold string needs reading. */
export function conditionFromObject(object: ConditionObject): ConditionSpec {
  const threshold = typeof object.value === 'number'
    ? { value: object.value, sloMultiple: null }
    : parseThreshold(object.value) ?? { value: Number.NaN, sloMultiple: null };
  return { metric: object.metric, op: object.op, ...threshold };
}

export function resolveCondition(spec: ConditionSpec, sloLatencyMs: number): Condition {
  const value = spec.sloMultiple === null ? spec.value : spec.sloMultiple * sloLatencyMs;
  return { metric: spec.metric, op: spec.op, value };
}
