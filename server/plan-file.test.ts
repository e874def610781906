import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DEFAULT_PLAN_PATH, loadDefaultPlan, loadPlan } from './plan-file.js';

const fixture = (name: string) => fileURLToPath(new URL(`./core/plan/fixtures/${name}`, import.meta.url));
const utilization = (rps: number, servers: number, rpsPerServer: number, target: number) => rps / (servers * (rpsPerServer / target));

describe('loadPlan', () => {
  test('a missing file is an error value, not a throw', async () => {
    const result = await loadPlan('/nonexistent/plan.yaml');
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'plan.read', file: '/nonexistent/plan.yaml' })] });
  });

  test('reads the HPA manifest a plan names, relative to the plan, and reports errors in it', async () => {
    const result = await loadPlan(fixture('bad-hpa.yaml'));
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'hpa.invalid', file: fixture('bad-hpa-manifest.yaml'), line: 1, column: 13, field: 'apiVersion' })],
    });
  });
});

describe('the shipped plans', () => {
  test('DEFAULT_PLAN_PATH points at scenarios/plans/default.yaml', () => {
    expect(DEFAULT_PLAN_PATH.endsWith('scenarios/plans/default.yaml')).toBe(true);
    expect(existsSync(DEFAULT_PLAN_PATH)).toBe(true);
  });

  test('the default plan loads with the three Feb-3 services', async () => {
    const result = await loadDefaultPlan();
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const plan = result.value;
    expect(Object.keys(plan.services)).toEqual(['messaging', 'meetings', 'docs']);
    expect(plan.tickSeconds).toBe(15);
    expect(plan.services.messaging?.capacity).toEqual({ rpsPerServer: 200, targetUtilization: 0.7, baseLatencyMs: 40, sloLatencyMs: 500, minServers: 40, initialServers: 40, maxServers: 400 });
    expect(plan.services.meetings?.standby).toEqual({ poolSize: 50, startSeconds: 90 });
    expect(plan.services.docs?.cold.quotaPerMinute).toBe(10);
  });

  // the initial fleet must carry holiday daytime traffic below the watch threshold, and a
  // fleet at maxServers must carry the 09:00 peak at its target utilisation
  test.each([
    ['messaging', 6000, 48_000],
    ['meetings', 2000, 30_000],
    ['docs', 3000, 15_000],
  ])('the default plan fits the Feb-3 traffic of %s', async (name, holidayRps, peakRps) => {
    const result = await loadDefaultPlan();
    const service = result.ok ? result.value.services[name] : undefined;
    if (!service) throw new Error(`no service ${name}`);
    const { rpsPerServer, targetUtilization, initialServers, maxServers } = service.capacity;
    expect(utilization(holidayRps, initialServers, rpsPerServer, targetUtilization)).toBeLessThan(0.75);
    expect(peakRps / rpsPerServer).toBeLessThanOrEqual(maxServers);
    expect(service.baseline.initialRps).toBe(holidayRps);
  });

  test('the example plan, which names an HPA manifest, loads', async () => {
    const result = await loadPlan(fileURLToPath(new URL('../scenarios/plans/example.yaml', import.meta.url)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.services.meetings?.scale.targetTracking).toMatchObject({ source: 'hpa-meetings.yaml', metric: 'rpsPerServer', target: 100 });
  });
});
