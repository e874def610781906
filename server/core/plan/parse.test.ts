import { describe, expect, test } from 'vitest';
import { parsePlan, planManifestPaths } from './parse.js';
import type { Plan, ServicePlan } from './types.js';

function planOf(text: string, readFile?: (path: string) => string | undefined): Plan {
  const result = parsePlan(text, 'plan.yaml', readFile);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

const minimal = 'name: t\nservices:\n  api:\n    capacity: {rpsPerServer: 100, maxServers: 10}\n';

describe('defaults', () => {
  test('a minimal plan gets the documented defaults', () => {
    const plan = planOf(minimal);
    expect(plan).toMatchObject({ name: 't', timezone: 'Asia/Shanghai', tickSeconds: 15, levels: ['normal', 'watch', 'surge', 'critical'] });
    const api = plan.services.api;
    expect(api).toMatchObject({ name: 'api', displayName: 'api' });
    expect(api?.notices).toMatchObject({ openAtLevel: 'surge', updateEverySeconds: 1800, cause: { en: 'an unusual surge in demand' } });
    expect(Object.keys(api?.notices.templates.critical ?? {})).toEqual(['investigating', 'identified', 'monitoring', 'resolved']);
  });

  test.each<[keyof ServicePlan, object]>([
    ['capacity', { rpsPerServer: 100, targetUtilization: 0.7, baseLatencyMs: 50, sloLatencyMs: 500, minServers: 1, maxServers: 10, initialServers: 1 }],
    ['standby', { poolSize: 0, startSeconds: 90 }],
    ['cold', { provisionSeconds: 240, startSeconds: 60, quotaPerMinute: 10 }],
    ['warmup', { startingCapacityFraction: 0 }],
    ['baseline', { windowSeconds: 86_400, quantile: 0.5, freezeWhileFiring: true, initialRps: 50 }],
    ['growth', { windowSeconds: 600 }],
    ['triggers', []],
    ['throttle', { enabled: false, levels: [], admitFraction: 1, retryAfterSeconds: 30, queueLimitSeconds: 30 }],
    ['series', []],
  ])('a minimal plan gets the documented %s defaults', (section, expected) => {
    expect(planOf(minimal).services.api?.[section]).toMatchObject(expected);
  });

  test('target tracking defaults to the Kubernetes HPA behavior and tolerance', () => {
    const tracking = planOf(minimal).services.api?.scale.targetTracking;
    expect(tracking).toEqual({
      metric: 'utilization',
      target: 0.7,
      tolerance: 0.1,
      source: 'plan',
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
        scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    });
  });

  test('a partial behavior is merged field by field over the defaults', () => {
    const plan = planOf(`${minimal}    scale:\n      targetTracking:\n        behavior:\n          scaleDown: {stabilizationWindowSeconds: 60}\n`);
    const behavior = plan.services.api?.scale.targetTracking.behavior;
    expect(behavior?.scaleDown).toEqual({ stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });
    expect(behavior?.scaleUp.policies).toHaveLength(2);
  });

  test('defaults merge under services; lists written by a service replace the default list', () => {
    const text = [
      'name: t',
      'defaults:',
      '  capacity: {rpsPerServer: 100, maxServers: 10, sloLatencyMs: 400}',
      '  triggers: [{level: surge, when: {any: ["latencyMs >= slo"]}}]',
      'services:',
      '  a: {}',
      '  b:',
      '    capacity: {sloLatencyMs: 1000}',
      '  c:',
      '    triggers: [{level: watch, when: {all: ["rps > 5"]}, for: 90, clear: {any: ["rps < 2"]}, clearFor: 1m30s}]',
    ].join('\n');
    const { services } = planOf(text);
    expect(services.a?.triggers[0]?.when.conditions).toEqual([{ metric: 'latencyMs', op: '>=', value: 400 }]);
    expect(services.b?.capacity).toMatchObject({ rpsPerServer: 100, sloLatencyMs: 1000 });
    expect(services.b?.triggers[0]?.when.conditions[0]?.value).toBe(1000);
    expect(services.a?.triggers[0]).toMatchObject({ forSeconds: 60, clear: null, clearForSeconds: 300 });
    expect(services.c?.triggers).toEqual([{
      level: 'watch',
      when: { combine: 'all', conditions: [{ metric: 'rps', op: '>', value: 5 }] },
      forSeconds: 90,
      clear: { combine: 'any', conditions: [{ metric: 'rps', op: '<', value: 2 }] },
      clearForSeconds: 90,
    }]);
  });

  test('conditions in object form and slo multiples', () => {
    const text = `${minimal}    capacity: {rpsPerServer: 100, maxServers: 10, sloLatencyMs: 800}\n    triggers:\n      - level: surge\n        when: {any: [{metric: latencyMs, op: ">", value: 0.5*slo}, {metric: errorRate, op: ">=", value: 0.05}]}\n`;
    const fixed = text.replace('    capacity: {rpsPerServer: 100, maxServers: 10}\n', '');
    expect(planOf(fixed).services.api?.triggers[0]?.when.conditions).toEqual([
      { metric: 'latencyMs', op: '>', value: 400 },
      { metric: 'errorRate', op: '>=', value: 0.05 },
    ]);
  });

  test('step actions, series matchers and their defaults', () => {
    const text = `${minimal}    scale:\n      rules:\n        surge: [{activateStandby: 25%}, {add: 3}]\n    series:\n      - metric: k6_http_reqs_total\n        matchers: {service: "{service}", method: "!~OPTIONS|HEAD", env: "!dev", pod: "~api-.*"}\n      - metric: queue_depth\n`;
    const api = planOf(text).services.api;
    expect(api?.scale.stepRules).toEqual({ surge: [{ kind: 'activate-standby', count: null, percent: 25 }, { kind: 'add', count: 3, percent: null }] });
    expect(api?.series).toEqual([
      {
        metric: 'k6_http_reqs_total',
        kind: 'counter',
        measures: 'rps',
        matchers: [
          { label: 'service', op: '=', value: 'api' },
          { label: 'method', op: '!~', value: 'OPTIONS|HEAD' },
          { label: 'env', op: '!=', value: 'dev' },
          { label: 'pod', op: '=~', value: 'api-.*' },
        ],
      },
      { metric: 'queue_depth', kind: 'gauge', measures: 'rps', matchers: [] },
    ]);
  });

  test('user templates override built-ins per language; the rest fall back', () => {
    const text = `${minimal}    notices:\n      templates:\n        surge:\n          investigating:\n            en: {title: "{service} slow", body: "because of {cause}"}\n`;
    const surge = planOf(text).services.api?.notices.templates.surge;
    expect(surge?.investigating?.en).toEqual({ title: '{service} slow', body: 'because of {cause}' });
    expect(surge?.investigating?.['zh-CN'].title).toBe('{service}响应变慢');
  });

  test('custom levels below openAt may go without templates', () => {
    const text = 'name: t\nlevels: [busy, overload]\nservices:\n  api:\n    capacity: {rpsPerServer: 100, maxServers: 10}\n    notices:\n      openAt: overload\n      templates:\n        overload:\n' +
      ['investigating', 'identified', 'monitoring', 'resolved'].map((stage) =>
        `          ${stage}:\n            en: {title: "t {level}", body: "b"}\n            zh-CN: {title: "标题", body: "正文"}\n`).join('');
    const notices = planOf(text).services.api?.notices;
    expect(notices?.openAtLevel).toBe('overload');
    expect(notices?.templates.busy).toEqual({});
    expect(Object.keys(notices?.templates.overload ?? {})).toHaveLength(4);
  });

  test('the compiled plan is plain data that survives JSON', () => {
    const plan = planOf(minimal);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('HPA manifests named by a plan', () => {
  const manifest = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  minReplicas: 3\n  maxReplicas: 30\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}\n';
  const text = 'name: t\nservices:\n  api:\n    capacity: {rpsPerServer: 100}\n    scale:\n      targetTracking: {hpaManifest: k8s/hpa.yaml}\n';

  test('planManifestPaths lists them so a shell can read them first', () => {
    expect(planManifestPaths(text)).toEqual(['k8s/hpa.yaml']);
    expect(planManifestPaths('not: [valid')).toEqual([]);
  });

  test('the manifest supplies target, behavior and replica bounds the plan leaves out', () => {
    const api = planOf(text, (path) => (path === 'k8s/hpa.yaml' ? manifest : undefined)).services.api;
    expect(api?.capacity).toMatchObject({ minServers: 3, maxServers: 30, initialServers: 3 });
    expect(api?.scale.targetTracking).toMatchObject({ metric: 'utilization', target: 0.6, source: 'k8s/hpa.yaml' });
    expect(api?.scale.targetTracking.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
  });

  test('errors inside the manifest point into the manifest file', () => {
    const result = parsePlan(text, 'plans/plan.yaml', () => manifest.replace('autoscaling/v2', 'autoscaling/v1'));
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ file: 'plans/k8s/hpa.yaml', line: 1, column: 13, field: 'apiVersion' })] });
  });
});
