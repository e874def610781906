import { expect, test } from 'vitest';
import * as api from './index.js';

test('the package entry drives the engine: load a plan, generate the Feb-3 day, replay it, size a fleet like the HPA', async () => {
  const plan = await api.loadDefaultPlan();
  expect(plan.ok).toBe(true);
  if (!plan.ok) return;
  const scenario = api.generateScenario(api.FEB3_PARAMS, api.FEB3_SEED);
  const morning = { from: Date.parse('2020-02-03T08:00:00+08:00'), to: Date.parse('2020-02-03T10:00:00+08:00') };
  const run = api.replay(plan.value, scenario, { policy: 'target-tracking', ...morning });
  expect(run.ok).toBe(true);
  if (!run.ok) return;
  expect(Object.keys(run.value.summary.services).sort()).toEqual(['docs', 'meetings', 'messaging']);

  // Kubernetes docs: 1 pod at 200m against a 100m target -> 2 pods
  const hpa = api.calculateReplicas({
    now: 0, currentReplicas: 1, readyPods: 1, currentMetric: 200, target: 100, tolerance: 0.1,
    unreadyPods: 0, missingPods: 0, minReplicas: 1, maxReplicas: 10,
    behavior: {
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    },
    recommendations: [], scaleUpEvents: [], scaleDownEvents: [],
  });
  expect(hpa.desired).toBe(2);
});
