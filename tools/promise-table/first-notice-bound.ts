/**
 * `npx tsx tools/promise-table/first-notice-bound.ts [--family ramp,double] [--seed N] [--runs N]
 * [--policy step,target-tracking,predictive]`: the first scored notice of each generated wave out
 * of a flat day (the notice the synthetic families' promise record mostly loses to "not known
 * yet"), how often it is on target, and how often any time could be, given what the engine
 * cannot see at that minute: how long the wave will go on climbing.
 *
 * For each sampled surge it replays its twins: the same base and slope, the ramp going on for
 * every other length the family allows (RAMP_LIMITS, DOUBLE_FIRST_LIMITS). Up to the end of the
 * shorter ramp two twins' demand is the same minute for minute, so the deterministic engine is
 * in the same state at the first notice in every twin whose ramp outlasts it, and each twin's
 * wait is measured from then. "Best possible" is the one time on target (max(2 min, 25% of the
 * wait)) for the largest share of those twins, each weighted as likely as the family makes its
 * length at that slope (in proportion to the length: a multiple and a length drawn uniformly).
 * It is a bound for an estimate that knows the family's limits (how high and how long its waves
 * climb), which the engine does not and should not: they are this test generator's choice.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { promiseToleranceMs } from '../../server/core/engine/forecast-recovery.js';
import { recoveryAfter } from '../../server/core/drill/promise-record.js';
import type { ReplayResult } from '../../server/core/drill/replay.js';
import {
  DOUBLE_FIRST_LIMITS,
  RAMP_LIMITS,
  SURGE_FAMILIES,
  SURGE_SAMPLE,
  WAVES_AT,
  replaySurge,
  type DoubleSurge,
  type RampSurge,
} from '../../server/core/drill/test-surges.js';
import { POLICY_NAMES, type Plan, type PolicyName } from '../../server/core/plan/types.js';
import { loadFeb3 } from '../../server/test-feb3.js';
import { noticeRows } from './notice-rows.js';

const { values } = parseArgs({
  options: {
    family: { type: 'string', default: 'ramp,double' },
    seed: { type: 'string', default: String(SURGE_SAMPLE.seed) },
    runs: { type: 'string', default: String(SURGE_SAMPLE.runs) },
    policy: { type: 'string', default: 'step,target-tracking,predictive' },
  },
});
type WaveSurge = RampSurge | DoubleSurge;
const families = values.family.split(',') as WaveSurge['kind'][];
const policies = values.policy.split(',') as PolicyName[];
const unknown = [...families.filter((f) => f !== 'ramp' && f !== 'double'), ...policies.filter((p) => !POLICY_NAMES.includes(p))];
if (unknown.length > 0) {
  console.error(`unknown family or policy: ${unknown.join(', ')} (families: ramp, double; policies: ${POLICY_NAMES.join(', ')})`);
  process.exit(2);
}

/** The first wave's ramp length (minutes) and multiple, and the family's limits on both. */
const shapeOf = (s: WaveSurge): { length: number; multiple: number; limits: typeof RAMP_LIMITS | typeof DOUBLE_FIRST_LIMITS } =>
  s.kind === 'ramp' ? { length: s.rampMinutes, multiple: s.multiple, limits: RAMP_LIMITS } : { length: s.rampMinutes, multiple: s.first, limits: DOUBLE_FIRST_LIMITS };
const withLength = (s: WaveSurge, length: number, multiple: number): WaveSurge =>
  s.kind === 'ramp' ? { ...s, rampMinutes: length, multiple } : { ...s, rampMinutes: length, first: multiple };

/** Every length the family allows at the surge's slope (multiple - 1 a length), with its multiple. */
function twins(s: WaveSurge): { length: number; surge: WaveSurge }[] {
  const { length: own, multiple: ownMultiple, limits } = shapeOf(s);
  const slope = (ownMultiple - 1) / own;
  const out: { length: number; surge: WaveSurge }[] = [];
  for (let length = limits.rampMinutes[0]; length <= limits.rampMinutes[1]; length++) {
    const multiple = 1 + slope * length;
    if (multiple >= limits.multiple[0] && multiple <= limits.multiple[1]) out.push({ length, surge: withLength(s, length, multiple) });
  }
  return out;
}

/** Minutes from `t` until users were back for good in `run` (as the promise record counts it); Infinity: not within the replay. */
function waitAfter(plan: Plan, run: ReplayResult, service: string, t: number): number {
  const ticks = run.ticks.filter((x) => x.service === service);
  const i = ticks.findIndex((x) => Date.parse(x.t) === t);
  const back = recoveryAfter(ticks, plan.services[service]!.capacity.sloLatencyMs, plan.tickSeconds)[i] ?? null;
  return back === null ? Infinity : (back - t) / 60_000;
}

/** The largest weighted share of waits (minutes) one promised time can be on target for. */
function bestShare(waits: readonly { wait: number; weight: number }[]): number {
  const total = waits.reduce((a, w) => a + w.weight, 0);
  let best = 0;
  for (let promised = 0; promised <= 240; promised += 0.25) {
    const hit = waits.reduce((a, w) => a + (Math.abs(promised - w.wait) * 60_000 <= promiseToleranceMs(w.wait * 60_000) ? w.weight : 0), 0);
    best = Math.max(best, hit);
  }
  return total > 0 ? best / total : 0;
}

const { plan, feb3 } = await loadFeb3();
for (const kind of families) {
  for (const policy of policies) {
    let notices = 0;
    let ours = 0;
    let bound = 0;
    for (const surge of fc.sample(SURGE_FAMILIES[kind], { seed: Number(values.seed), numRuns: Number(values.runs) }) as WaveSurge[]) {
      const first = noticeRows(plan, replaySurge(plan, feb3, surge, policy)).find((r) => r.t >= WAVES_AT && r.verdict !== null);
      if (!first) continue;
      const minuteIn = (first.t - WAVES_AT) / 60_000;
      // a first notice after the first ramp ended (a double wave's second, or a wave that held up no one while it climbed) has no twins
      if (minuteIn >= shapeOf(surge).length) continue;
      // twins whose ramp still climbs when the first notice is published share its history up to then (to the last
      // bits of a float: a multiple worked out from the slope can tip a threshold a tick earlier or later, so each twin
      // is measured from the first notice's time rather than from a notice of its own); a twin whose users are not
      // back within the replay breaks any time given
      const waits = twins(surge)
        .filter((tw) => tw.length > minuteIn)
        .map((tw) => ({ wait: waitAfter(plan, replaySurge(plan, feb3, tw.surge, policy), first.service, first.t), weight: tw.length }));
      notices++;
      if (first.verdict === 'on-target') ours++;
      bound += bestShare(waits);
    }
    const pct = (x: number): string => `${((x / Math.max(notices, 1)) * 100).toFixed(1)}%`;
    console.log(`${`${kind} ${policy}`.padEnd(26)} first notices ${String(notices).padStart(3)}  on target ${pct(ours).padStart(6)}  best possible ${pct(bound).padStart(6)}`);
  }
}
