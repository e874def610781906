/** Surge triggers: condition groups with `for` and clear hysteresis, thresholds resolved per service. */
import { conditionFromObject, parseConditionText, resolveCondition, type ConditionObject } from './condition.js';
import { SERVICE_DEFAULTS as D, secondsOr } from './plan-defaults.js';
import type { ServiceDocument } from './schema-service.js';
import { checkLevel, type ServiceContext } from './service-context.js';
import type { ConditionGroup, Trigger } from './types.js';

type TriggerDocument = NonNullable<ServiceDocument['triggers']>[number];
type GroupDocument = TriggerDocument['when'];

function compileGroup(group: GroupDocument, sloLatencyMs: number): ConditionGroup {
  const combine = group.any ? 'any' : 'all';
  const written = group.any ?? group.all ?? [];
  const conditions = written.map((c) => {
    // the schema's pattern has already accepted strings, so parsing cannot fail here
    const spec = typeof c === 'string' ? parseConditionText(c) : conditionFromObject(c as ConditionObject);
    return 'problem' in spec ? null : resolveCondition(spec, sloLatencyMs);
  });
  return { combine, conditions: conditions.filter((c) => c !== null) };
}

export function compileTriggers(doc: ServiceDocument, context: ServiceContext, sloLatencyMs: number): Trigger[] {
  return (doc.triggers ?? []).map((trigger, index) => {
    checkLevel(context, ['triggers', index, 'level'], trigger.level, 'a trigger');
    return {
      level: trigger.level,
      when: compileGroup(trigger.when, sloLatencyMs),
      forSeconds: secondsOr(trigger.for, D.triggerForSeconds),
      clear: trigger.clear ? compileGroup(trigger.clear, sloLatencyMs) : null,
      clearForSeconds: secondsOr(trigger.clearFor, D.triggerClearForSeconds),
    };
  });
}
