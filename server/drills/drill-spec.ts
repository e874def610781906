/**
 * A drill's spec from its start request, and again from its stored row when another
 * instance goes on with it or follows it: both read the same settings the same way.
 */
import { scenarioBounds } from '../core/drill/scenario.js';
import type { Plan } from '../core/plan/types.js';
import { failWith, type Result } from '../errors/result.js';
import { loadScenario } from '../scenario-file.js';
import type { DrillRecord } from '../store/drills.js';
import type { DrillSpec } from './drill-runner.js';
import { planService } from './plan-service.js';
import type { StartDrillBody } from './start-drill-body.js';

/** The stored config of the live session (a drill's is its start request). */
export const LIVE_CONFIG = { live: true } as const;

/** A drill to start: checks the scenario and range; the speed is the caller's to check. */
export async function drillSpec(id: string, body: StartDrillBody, plan: Plan): Promise<Result<DrillSpec>> {
  const scenario = await loadScenario(body.scenario);
  if (!scenario.ok) return failWith('drill.scenario', { scenario: body.scenario, reason: scenario.errors[0]?.message ?? '' }, 'scenario');
  const unknown = Object.keys(scenario.value.services).filter((s) => !planService(plan, s));
  if (unknown.length === Object.keys(scenario.value.services).length) {
    return failWith('drill.services', { scenario: body.scenario, plan: plan.name }, 'scenario');
  }
  const bounds = scenarioBounds(scenario.value);
  const from = body.from ? Date.parse(body.from) : bounds.startMs;
  const to = body.to ? Date.parse(body.to) : bounds.endMs;
  if (!(from >= bounds.startMs && to <= bounds.endMs && to > from)) {
    return failWith('drill.range', { from: new Date(bounds.startMs).toISOString(), to: new Date(bounds.endMs).toISOString() }, body.from ? 'from' : 'to');
  }
  return {
    ok: true,
    value: {
      id,
      kind: 'drill',
      scenarioName: body.scenario,
      scenario: scenario.value,
      plan,
      policy: body.policy ?? null,
      speed: body.speed,
      source: body.source,
      demandFrom: body.demandFrom ?? 'traffic',
      scale: body.scale ?? 1,
      from,
      to,
    },
  };
}

export function liveSpec(id: string, plan: Plan, from: number): DrillSpec {
  return {
    id,
    kind: 'live',
    // the name the drill list and the dashboard have always shown for the live session
    scenarioName: 'live',
    scenario: null,
    plan,
    policy: null,
    speed: 1,
    source: 'external',
    demandFrom: 'metrics',
    scale: 1,
    from,
    to: null,
  };
}

/** The spec of a stored drill (or live session), to go on with it or follow it. */
export async function specOfRecord(record: DrillRecord, plan: Plan): Promise<Result<DrillSpec>> {
  const from = Date.parse(record.scenarioStart);
  if (record.config['live'] === true) return { ok: true, value: liveSpec(record.id, plan, from) };
  const body = record.config as unknown as StartDrillBody;
  const spec = await drillSpec(record.id, body, plan);
  if (!spec.ok) return spec;
  // the stored range is the one the drill was started with, whatever the defaults are now
  return { ok: true, value: { ...spec.value, from, to: record.scenarioEnd === null ? null : Date.parse(record.scenarioEnd) } };
}
