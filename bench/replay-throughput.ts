/**
 * How fast the offline replay runs the Feb-3 scenario under each policy, side by side with a
 * peer run in the same process: the bare loop that only interpolates the scenario's demand
 * for the same ticks (the floor any replay pays), so the engine's own cost is visible apart
 * from the machine's speed. Target: every service under every policy in well under a second.
 *
 *   npm run bench            (or: node dist/bench/replay-throughput.js [--rounds N])
 */
import { parseArgs } from 'node:util';
import { demandAt, scenarioBounds, type Scenario } from '../server/core/drill/scenario.js';
import { replay } from '../server/core/drill/replay.js';
import { POLICY_NAMES, type Plan, type PolicyName } from '../server/core/plan/types.js';
import { loadDefaultPlan } from '../server/plan-file.js';
import { loadScenario } from '../server/scenario-file.js';
import { formatTable } from '../server/cli/table.js';
import { benchRow, writeRows } from './lib/bench-rows.js';
import { alternate, median } from './lib/median.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, rows: { type: 'string' } } });
const rounds = Math.max(1, Number(values.rounds) || 5);

const plan = await loadDefaultPlan();
const scenario = await loadScenario('feb3');
if (!plan.ok || !scenario.ok) {
  console.error('cannot load the default plan or the feb3 scenario', !plan.ok ? plan.errors : '', !scenario.ok ? scenario.errors : '');
  process.exit(1);
}
const thePlan = plan.value;
const theScenario = scenario.value;

/** The peer: the same ticks and services, demand interpolation only. */
function floorLoop(p: Plan, s: Scenario): number {
  const { startMs, endMs } = scenarioBounds(s);
  const dt = p.tickSeconds * 1000;
  const services = Object.keys(s.services);
  let sum = 0;
  let n = 0;
  for (let t = startMs + dt; t <= endMs; t += dt) {
    for (const name of services) {
      sum += demandAt(s, name, t);
      n++;
    }
  }
  if (sum < 0) throw new Error('unreachable: demand is never negative');
  return n;
}

/** Wall and CPU (user + system) milliseconds of one call; CPU holds steadier on a shared machine. */
function timed(run: () => number): Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const ticks = run();
  const used = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (used.user + used.system) / 1000, ticks };
}

interface Timing {
  ms: number;
  cpuMs: number;
  ticks: number;
}

/*
 * The peer's pass takes a few milliseconds, well inside the swings of a shared machine and a
 * single collection of the replay's garbage; timed once a round, it gave a ratio that moved
 * by half from run to run. So a round of the peer times PEER_PASSES passes back to back and
 * keeps their median; rounds of peer and replay alternate (the order flipping each round,
 * after an unrecorded warm-up round), so both sides meet the same spells of load. Each
 * figure is the median over the rounds.
 */
const PEER_PASSES = 25;

function replayOnce(policy: PolicyName, window: { from?: number; to?: number } = {}): number {
  const r = replay(thePlan, theScenario, { policy, ...window });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value.ticks.length;
}

function peerRound(): Timing {
  const passes = Array.from({ length: PEER_PASSES }, () => timed(() => floorLoop(thePlan, theScenario)));
  return { ms: median(passes.map((p) => p.ms)), cpuMs: median(passes.map((p) => p.cpuMs)), ticks: passes[0]?.ticks ?? 0 };
}

const policies = POLICY_NAMES as readonly PolicyName[];

/** One round of ours: every policy once; the round's total, and each policy's time. */
function oursRound(): Timing & { byPolicy: Timing[] } {
  const byPolicy = policies.map((policy) => timed(() => replayOnce(policy)));
  const sum = (pick: (t: Timing) => number): number => byPolicy.reduce((total, t) => total + pick(t), 0);
  return { ms: sum((t) => t.ms), cpuMs: sum((t) => t.cpuMs), ticks: sum((t) => t.ticks), byPolicy };
}

const runs = await alternate(['peer', 'ours'], rounds, async (side) => (side === 'peer' ? peerRound() : oursRound()));
const peerRounds = runs.get('peer') ?? [];
const oursRounds = (runs.get('ours') ?? []) as ReturnType<typeof oursRound>[];

const floor = { ms: median(peerRounds.map((r) => r.ms)), cpuMs: median(peerRounds.map((r) => r.cpuMs)), ticks: peerRounds[0]?.ticks ?? 0 };
const rows: string[][] = [];
rows.push(['peer: demand interpolation only', String(floor.ticks), floor.ms.toFixed(1), floor.cpuMs.toFixed(1), rate(floor.ticks, floor.ms), '1.0x']);
for (const [k, policy] of policies.entries()) {
  const list = oursRounds.map((r) => r.byPolicy[k] as Timing);
  const ms = median(list.map((m) => m.ms));
  const ticks = list[0]?.ticks ?? 0;
  rows.push([`replay --policy ${policy}`, String(ticks), ms.toFixed(1), median(list.map((m) => m.cpuMs)).toFixed(1), rate(ticks, ms), `${(ms / floor.ms).toFixed(1)}x`]);
}
const totalMs = median(oursRounds.map((r) => r.ms));
const totalCpuMs = median(oursRounds.map((r) => r.cpuMs));
const roundRatios = oursRounds.map((r, i) => r.ms / (peerRounds[i] as Timing).ms);

// the scenario is two days: the holiday the baseline learns from, then 3 February itself
const feb3Day = { from: Date.parse('2020-02-03T00:00:00+08:00'), to: Date.parse('2020-02-04T00:00:00+08:00') };
const dayRounds = Array.from({ length: rounds }, () =>
  timed(() => policies.reduce((n, policy) => n + replayOnce(policy, feb3Day), 0)),
);
const day = { ms: median(dayRounds.map((r) => r.ms)), ticks: dayRounds[0]?.ticks ?? 0 };

console.log(`Feb-3 scenario (${Object.keys(scenario.value.services).length} services, 48 hours, tick ${plan.value.tickSeconds}s), median of ${rounds} rounds on Node ${process.version}; the peer's figure is the median over the rounds of each round's median of ${PEER_PASSES} passes`);
for (const line of formatTable(['run', 'service-ticks', 'ms', 'cpu ms', 'ticks/s', 'vs peer'], rows, 1)) console.log(line);
const verdict = (ms: number): string => (ms < 1000 ? 'OK' : 'OVER TARGET');
console.log(`both days, all policies, all services: ${totalMs.toFixed(0)} ms, ${totalCpuMs.toFixed(0)} ms of CPU (target: well under 1000 ms) -> ${verdict(totalMs)}`);
console.log(
  `ours ${totalMs.toFixed(0)} ms / peer ${floor.ms.toFixed(2)} ms = ratio ${(totalMs / floor.ms).toFixed(0)} ` +
    `(in CPU time ${totalCpuMs.toFixed(0)} / ${floor.cpuMs.toFixed(2)} = ${(totalCpuMs / floor.cpuMs).toFixed(0)}); ` +
    `each round: ours ${oursRounds.map((r) => r.ms.toFixed(0)).join(', ')} ms, peer ${peerRounds.map((r) => r.ms.toFixed(2)).join(', ')} ms, ratio ${roundRatios.map((r) => r.toFixed(0)).join(', ')}`,
);
console.log(`3 February alone (24 hours), all policies, all services: ${day.ms.toFixed(0)} ms for ${day.ticks} service-ticks -> ${verdict(day.ms)}`);

// Before this round: 483 ms for the four policies against a 4.8 ms peer pass (ratio 100);
// the engine may grow by half again for what it now computes, and no more.
const RATIO_BEFORE = 483 / 4.8;
writeRows(values.rows, [
  benchRow('Feb-3 replay, 4 policies x 48 h x 3 services (peer: one bare pass)', 'ms', totalMs, floor.ms, { kind: 'ratio-at-most', value: Math.round(RATIO_BEFORE * 1.5) }),
  benchRow('3 February alone, 4 policies', 'ms', day.ms, null, { kind: 'none' }),
]);

function rate(ticks: number, ms: number): string {
  return Math.round((ticks / ms) * 1000).toLocaleString('en');
}
