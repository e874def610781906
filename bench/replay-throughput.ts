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

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, rows: { type: 'string' } } });
const rounds = Math.max(1, Number(values.rounds) || 5);

const plan = await loadDefaultPlan();
const scenario = await loadScenario('feb3');
if (!plan.ok || !scenario.ok) {
  console.error('cannot load the default plan or the feb3 scenario', !plan.ok ? plan.errors : '', !scenario.ok ? scenario.errors : '');
  process.exit(1);
}

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

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Wall time, and CPU time (user + system) beside it: on a machine shared with other work the
 * wall time swings with the load, while the CPU time the replay itself used holds steadier.
 */
function measure(run: () => number): { ms: number; cpuMs: number; ticks: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let ticks = 0;
  run(); // warm-up: let the JIT settle before timing
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    ticks = run();
    const used = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu), ticks };
}

const rows: string[][] = [];
const floor = measure(() => floorLoop(plan.value, scenario.value));
rows.push(['peer: demand interpolation only', String(floor.ticks), floor.ms.toFixed(1), floor.cpuMs.toFixed(1), rate(floor.ticks, floor.ms), '1.0x']);
let totalMs = 0;
let totalCpuMs = 0;
for (const policy of POLICY_NAMES) {
  const m = measure(() => {
    const r = replay(plan.value, scenario.value, { policy: policy as PolicyName });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
    return r.value.ticks.length;
  });
  totalMs += m.ms;
  totalCpuMs += m.cpuMs;
  rows.push([`replay --policy ${policy}`, String(m.ticks), m.ms.toFixed(1), m.cpuMs.toFixed(1), rate(m.ticks, m.ms), `${(m.ms / floor.ms).toFixed(1)}x`]);
}

// the scenario is two days: the holiday the baseline learns from, then 3 February itself
const feb3Day = { from: Date.parse('2020-02-03T00:00:00+08:00'), to: Date.parse('2020-02-04T00:00:00+08:00') };
const day = measure(() => {
  let n = 0;
  for (const policy of POLICY_NAMES) {
    const r = replay(plan.value, scenario.value, { policy: policy as PolicyName, ...feb3Day });
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
    n += r.value.ticks.length;
  }
  return n;
});

console.log(`Feb-3 scenario (${Object.keys(scenario.value.services).length} services, 48 hours, tick ${plan.value.tickSeconds}s), median of ${rounds} rounds on Node ${process.version}`);
for (const line of formatTable(['run', 'service-ticks', 'ms', 'cpu ms', 'ticks/s', 'vs peer'], rows, 1)) console.log(line);
const verdict = (ms: number): string => (ms < 1000 ? 'OK' : 'OVER TARGET');
console.log(`both days, all policies, all services: ${totalMs.toFixed(0)} ms, ${totalCpuMs.toFixed(0)} ms of CPU (target: well under 1000 ms) -> ${verdict(totalMs)}`);
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
