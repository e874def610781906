import type { Condition, ConditionGroup, ConditionMetric } from '../plan/types.js';

/** The value of every metric a condition can test, for one tick. */
export type ConditionValues = Record<ConditionMetric, number>;

export function conditionHolds(c: Condition, values: ConditionValues): boolean {
  const v = values[c.metric];
  switch (c.op) {
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
  }
}

/** `any` of an empty group is false and `all` of an empty group is true, as with Array some/every. */
export function groupHolds(group: ConditionGroup, values: ConditionValues): boolean {
  // a loop rather than some/every: every trigger of every service asks this every tick
  const any = group.combine === 'any';
  for (const c of group.conditions) {
    if (conditionHolds(c, values) === any) return any;
  }
  return !any;
}

/** "rps > 1200 or baselineMultiple >= 3": the group as a person would write it. */
export function describeGroup(group: ConditionGroup): string {
  const joiner = group.combine === 'any' ? ' or ' : ' and ';
  return group.conditions.map((c) => `${c.metric} ${c.op} ${c.value}`).join(joiner);
}
