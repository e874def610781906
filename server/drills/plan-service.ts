import type { Plan, ServicePlan } from '../core/plan/types.js';

/**
 * A plan's service by a name a client sent. Own properties only: a name like `constructor`
 * or `__proto__` must read as unknown, not as something from Object.prototype.
 */
export function planService(plan: Plan, name: string): ServicePlan | undefined {
  return Object.hasOwn(plan.services, name) ? plan.services[name] : undefined;
}
