/** Test helper: the embedded default plan and the bundled Feb-3 scenario, or a failed test. */
import type { Scenario } from './core/drill/scenario.js';
import type { Plan } from './core/plan/types.js';
import { loadDefaultPlan } from './plan-file.js';
import { loadScenario } from './scenario-file.js';

export async function loadFeb3(): Promise<{ plan: Plan; feb3: Scenario }> {
  const p = await loadDefaultPlan();
  const s = await loadScenario('feb3');
  if (!p.ok || !s.ok) throw new Error('the default plan and the feb3 scenario must load');
  return { plan: p.value, feb3: s.value };
}
