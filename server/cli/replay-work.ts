/**
 * What a replay will cost, worked out before it starts: the engine keeps every tick in
 * memory, so a scenario spanning years at a one-second step must be refused up front rather
 * than after minutes and gigabytes; one shorter than a single tick would replay nothing.
 */
import { fail, ok, type Result } from '../core/errors.js';
import { scenarioBounds, type Scenario } from '../core/drill/scenario.js';
import type { Plan } from '../core/plan/types.js';

/** Service-ticks per command, all policies together: about half a minute and a gigabyte. */
export const MAX_SERVICE_TICKS = 1_000_000;

export interface ReplayWork {
  services: string[];
  ticksPerService: number;
}

export function planReplayWork(
  plan: Plan,
  scenario: Scenario,
  opts: { from?: number | undefined; to?: number | undefined; runs: number; csvWithoutServiceColumn: boolean },
): Result<ReplayWork> {
  const planServices = Object.keys(plan.services);
  const services = Object.keys(scenario.services).filter((name) => plan.services[name]);
  if (services.length === 0) {
    const hint = opts.csvWithoutServiceColumn
      ? `; a CSV trace without a service column needs --service NAME, e.g. --service ${planServices[0] ?? 'NAME'}`
      : '; name them the same';
    return fail({
      code: 'replay.services',
      message: `the scenario's services (${Object.keys(scenario.services).join(', ')}) are not in plan "${plan.name}" (${planServices.join(', ')})${hint}`,
      field: 'service',
    });
  }
  const bounds = scenarioBounds(scenario);
  const from = Math.max(opts.from ?? bounds.startMs, bounds.startMs);
  const to = Math.min(opts.to ?? bounds.endMs, bounds.endMs);
  const tickMs = plan.tickSeconds * 1000;
  const ticksPerService = to > from ? Math.floor((to - from) / tickMs) : 0;
  if (ticksPerService === 0) {
    const span = to > from ? `${(to - from) / 1000} s` : 'nothing';
    return fail({
      code: 'replay.range',
      message: `the part to replay lasts ${span}, less than one tick of plan "${plan.name}" (${plan.tickSeconds} s), so there is nothing to replay; the scenario runs ${iso(bounds.startMs)} to ${iso(bounds.endMs)}`,
      field: opts.from !== undefined || opts.to !== undefined ? 'from' : 'stepSeconds',
    });
  }
  const total = ticksPerService * services.length * opts.runs;
  if (total > MAX_SERVICE_TICKS) {
    return fail({
      code: 'replay.too-long',
      message: `this replay would take ${total} service-ticks (${ticksPerService} ticks x ${plural(services.length, 'service')} x ${plural(opts.runs, 'policy', 'policies')}), more than the ${MAX_SERVICE_TICKS} one command may run; replay a part with --from/--to, fewer policies, or a plan with a longer tick`,
    });
  }
  return ok({ services, ticksPerService });
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}
