import { describe, expect, test } from 'vitest';
import { parseHpaManifest, parseQuantity } from './hpa-manifest.js';

const header = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n';
const spec = (rest: string) => `${header}spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 20\n${rest}`;

describe('parseHpaManifest', () => {
  test('a CPU utilisation target becomes a utilisation fraction; behavior merges over the defaults', () => {
    const result = parseHpaManifest(spec('  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target: {type: Utilization, averageUtilization: 65}\n  behavior:\n    scaleDown:\n      policies: [{type: Pods, value: 2, periodSeconds: 60}]\n'), 'hpa.yaml');
    expect(result).toEqual({
      ok: true,
      value: {
        minReplicas: 2,
        maxReplicas: 20,
        metric: 'utilization',
        target: 0.65,
        behavior: {
          scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
          scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }] },
        },
      },
    });
  });

  test('a Pods AverageValue metric becomes requests per second per server', () => {
    const result = parseHpaManifest(spec('  metrics:\n    - type: Pods\n      pods:\n        metric: {name: http_requests_per_second}\n        target: {type: AverageValue, averageValue: 1500m}\n'), 'hpa.yaml');
    expect(result.ok && result.value).toMatchObject({ metric: 'rpsPerServer', target: 1.5 });
  });

  test('without metrics Kubernetes targets 80% CPU; minReplicas defaults to 1', () => {
    const result = parseHpaManifest(`${header}spec:\n  maxReplicas: 5\n`, 'hpa.yaml');
    expect(result.ok && result.value).toMatchObject({ minReplicas: 1, maxReplicas: 5, metric: 'utilization', target: 0.8 });
  });

  test.each([
    ['wrong apiVersion', 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nspec: {maxReplicas: 3}\n', { code: 'hpa.invalid', line: 1, column: 13, field: 'apiVersion', message: 'expected apiVersion "autoscaling/v2", got "autoscaling/v1"' }],
    ['wrong kind', 'apiVersion: autoscaling/v2\nkind: Deployment\nspec: {maxReplicas: 3}\n', { code: 'hpa.invalid', line: 2, column: 7, field: 'kind', message: 'expected kind "HorizontalPodAutoscaler", got "Deployment"' }],
    ['missing maxReplicas', `${header}spec:\n  minReplicas: 2\n`, { code: 'hpa.missing', line: 5, column: 3, field: 'spec.maxReplicas' }],
    ['unsupported metric', spec('  metrics:\n    - type: External\n      external: {metric: {name: queue}, target: {type: Value, value: 3}}\n'), { code: 'hpa.invalid', line: 9, column: 7, field: 'spec.metrics[0]', message: /^unsupported metric "External": expected a Resource cpu metric/ }],
    ['min above max', `${header}spec:\n  minReplicas: 9\n  maxReplicas: 3\n`, { code: 'hpa.invalid', line: 5, column: 16, field: 'spec.minReplicas', message: 'minReplicas (9) is greater than maxReplicas (3)' }],
    ['period too long', spec('  behavior:\n    scaleUp:\n      policies: [{type: Pods, value: 4, periodSeconds: 3600}]\n'), { code: 'hpa.range', line: 10, column: 56, field: 'spec.behavior.scaleUp.policies[0].periodSeconds' }],
    ['YAML syntax', 'apiVersion: [autoscaling/v2\n', { code: 'hpa.yaml', line: 2, column: 1 }],
  ])('%s', (_name, text, expected) => {
    const result = parseHpaManifest(text, 'hpa.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { message, ...where } = expected as { message?: string | RegExp };
    expect(result.errors[0]).toMatchObject({ file: 'hpa.yaml', ...where });
    if (message !== undefined) expect(result.errors[0]?.message).toMatch(message);
  });
});

test('parseQuantity reads Kubernetes quantities', () => {
  expect([parseQuantity('100'), parseQuantity('1500m'), parseQuantity('2k'), parseQuantity(7), parseQuantity('lots')]).toEqual([100, 1.5, 2000, 7, null]);
});
