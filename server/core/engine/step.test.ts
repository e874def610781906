import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultPlan } from '../../plan-file.js';
import type { Plan } from '../plan/types.js';
import { initialEngineState, step, type EngineState, type StepOutput } from './step.js';
import type { Command } from './types.js';

let plan: Plan;
const T0 = Date.parse('2020-02-03T00:00:00Z');
const BASE = 2000; // the meetings service's initialRps in the default plan

beforeAll(async () => {
  const p = await loadDefaultPlan();
  if (!p.ok) throw new Error('the default plan must load');
  plan = { ...p.value, services: { meetings: p.value.services.meetings! } };
});

/** step() once per demand value, under the step policy, with the commands given per tick index. */
function run(demand: readonly number[], commands: Record<number, Command[]> = {}): StepOutput[] {
  let state: EngineState = initialEngineState(plan, T0, 'step');
  const dt = plan.tickSeconds * 1000;
  return demand.map((rps, i) => {
    const out = step(plan, state, { t: T0 + (i + 1) * dt, samples: { meetings: { rps } }, commands: commands[i] ?? [] });
    state = out.state;
    return out;
  });
}

const hand: Command = { type: 'scale', service: 'meetings', desired: 130, by: 'ana' };
const surge = [...Array<number>(8).fill(BASE), ...Array<number>(5).fill(BASE * 8)];

describe('step(), tick by tick', () => {
  it('runs the stages in order: an operator command, then the fleet, triggers, scaling and the incident', () => {
    const outs = run(surge, { 2: [hand] });
    const table = outs.map((o) => {
      const tick = o.ticks[0]!;
      return [tick.level, tick.servers.active, tick.servers.starting, tick.servers.provisioning, o.events.map((e) => e.type).join(' '), o.notices.map((n) => n.stage).join(' ')];
    });
    expect(table).toEqual([
      // level   active starting provisioning events                                             notices
      ['normal', 25, 0, 0, '', ''],
      ['normal', 25, 0, 0, '', ''],
      // by hand to 130: the 50 standby start, 55 cold servers are ordered (4 a minute begin)
      ['normal', 25, 50, 55, 'manual:scale servers:activated servers:provisioning', ''],
      ['normal', 25, 50, 55, '', ''],
      ['normal', 25, 50, 55, '', ''],
      ['normal', 25, 50, 55, '', ''],
      ['normal', 25, 50, 55, 'servers:provisioning', ''],
      ['normal', 25, 50, 55, '', ''],
      // the surge: standby servers are ready, the triggers start counting
      ['normal', 75, 0, 55, 'servers:ready trigger:pending trigger:pending trigger:pending', ''],
      ['normal', 75, 0, 55, '', ''],
      ['normal', 75, 0, 55, 'servers:provisioning', ''],
      // the triggers fire: the level rises, the step policy orders servers, the incident opens
      ['critical', 75, 0, 185, 'trigger:firing trigger:firing level:changed scale:decision servers:provisioning incident:opened', 'investigating'],
      // throttling follows the level in force when the tick began
      ['critical', 75, 0, 185, 'throttle:started', ''],
    ]);
  });

  it('applies an operator command before anything reacts to the tick', () => {
    const outs = run([BASE, BASE * 8], { 1: [hand] });
    const tick = outs[1]!;
    expect(tick.events[0]).toMatchObject({ type: 'manual:scale', service: 'meetings', data: { desired: 130, by: 'ana' } });
    // the command's servers are committed in the same tick's record
    const s = tick.ticks[0]!.servers;
    expect(s.active + s.starting + s.provisioning).toBe(130);
  });

  it.each([
    [130, 130, 'ana set Video meetings to 130 servers by hand'],
    [5000, 450, 'ana set Video meetings to 450 servers by hand (5000 asked; the plan allows 25 to 450)'],
    [1, 25, 'ana set Video meetings to 25 servers by hand (1 asked; the plan allows 25 to 450)'],
  ])('says what a scale by hand applies: %i asked', (desired, applied, message) => {
    const outs = run([BASE, BASE], { 1: [{ ...hand, desired }] });
    expect(outs[1]!.events[0]).toMatchObject({ type: 'manual:scale', message, data: { desired, applied } });
  });

  it('stamps every event with the tick time and service, and a notice carries the tick time', () => {
    const outs = run(surge);
    for (const o of outs) {
      const iso = o.ticks[0]!.t;
      for (const e of o.events) expect([e.t, e.service]).toEqual([iso, 'meetings']);
      for (const n of o.notices) expect(n.t).toBe(iso);
    }
    expect(outs.flatMap((o) => o.notices).length).toBeGreaterThan(0);
  });

  it('gives a service without a sample zero demand, and one tick per service', () => {
    const out = step(plan, initialEngineState(plan, T0, 'step'), { t: T0 + plan.tickSeconds * 1000, samples: {} });
    expect(out.ticks).toHaveLength(1);
    expect(out.ticks[0]!.demandRps).toBe(0);
  });

  it('is deterministic: the same inputs give the same outputs', () => {
    expect(JSON.stringify(run(surge, { 2: [hand] }))).toBe(JSON.stringify(run(surge, { 2: [hand] })));
  });
});
