/**
 * `npx tsx tools/promise-table/promise-table.ts [--family ramp,double] [--seed N] [--runs N]
 * [--policy step,none] [--notices]`: the promise record on the generated surges of
 * server/core/drill/test-surges.ts (the sample promise-surges.test.ts holds to the goals of
 * issue 9), per family and policy, and the plan policies summed; a surge's notices count from
 * when it begins (surgeNoticesFrom), as in the test. --notices lists every such notice
 * with its promise, range and what happened, in minutes from publishing. A different seed or
 * more runs checks that a change to the forecast holds beyond the sample the test pins.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { SURGE_FAMILIES, SURGE_SAMPLE, replaySurge, surgeNoticesFrom, surgeScenario, surgeServices, type Surge } from '../../server/core/drill/test-surges.js';
import { POLICY_NAMES, type PolicyName } from '../../server/core/plan/types.js';
import { loadFeb3 } from '../../server/test-feb3.js';
import { noticeRows, type NoticeRow } from './notice-rows.js';

const { values } = parseArgs({
  options: {
    family: { type: 'string', default: Object.keys(SURGE_FAMILIES).join(',') },
    seed: { type: 'string', default: String(SURGE_SAMPLE.seed) },
    runs: { type: 'string', default: String(SURGE_SAMPLE.runs) },
    policy: { type: 'string', default: POLICY_NAMES.join(',') },
    notices: { type: 'boolean', default: false },
  },
});
const families = values.family.split(',') as Surge['kind'][];
const policies = values.policy.split(',') as PolicyName[];
const unknown = [...families.filter((f) => !(f in SURGE_FAMILIES)), ...policies.filter((p) => !POLICY_NAMES.includes(p))];
if (unknown.length > 0) {
  console.error(`unknown family or policy: ${unknown.join(', ')} (families: ${Object.keys(SURGE_FAMILIES).join(', ')}; policies: ${POLICY_NAMES.join(', ')})`);
  process.exit(2);
}

type Tally = Record<string, number>;
const count = (into: Tally, key: string): void => {
  into[key] = (into[key] ?? 0) + 1;
};
const share = (t: Tally, key: string): string => `${(((t[key] ?? 0) / Math.max(t['scored'] ?? 0, 1)) * 100).toFixed(1)}%`;
const line = (label: string, t: Tally): string =>
  `${label.padEnd(26)} scored ${String(t['scored'] ?? 0).padStart(4)}  on target ${share(t, 'on-target').padStart(6)}  broken ${share(t, 'broken').padStart(6)}  not known ${t['not-known'] ?? 0}  early ${t['early'] ?? 0}`;
const minutes = (m: number | null): string => (m === null ? '-' : m.toFixed(1)).padStart(5);
const noticeLine = (hhmm: (ms: number) => string, r: NoticeRow): string =>
  `  ${r.service.padEnd(10)} ${hhmm(r.t)} ${r.stage.padEnd(13)} ${r.reason.padEnd(16)} promised ${minutes(r.promisedIn)} [${minutes(r.earliestIn)} ..${minutes(r.latestIn)}]  actual ${minutes(r.actualIn)}  ${r.verdict ?? ''}`;

const { plan, feb3 } = await loadFeb3();
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: plan.timezone, hour: '2-digit', minute: '2-digit' });
const hhmm = (ms: number): string => clock.format(ms);
for (const kind of families) {
  const byPolicy = new Map<PolicyName, Tally>(policies.map((p) => [p, {}]));
  for (const surge of fc.sample(SURGE_FAMILIES[kind], { seed: Number(values.seed), numRuns: Number(values.runs) })) {
    const scenario = surgeScenario(feb3, surgeServices(feb3, surge), surge);
    const from = surgeNoticesFrom(surge);
    for (const policy of policies) {
      const rows = noticeRows(plan, replaySurge(plan, feb3, surge, policy, scenario)).filter((r) => r.t >= from);
      for (const r of rows) {
        if (r.verdict === null) continue;
        count(byPolicy.get(policy)!, 'scored');
        count(byPolicy.get(policy)!, r.verdict);
      }
      if (values.notices && rows.length > 0) console.log(`${JSON.stringify(surge)} ${policy}\n${rows.map((r) => noticeLine(hhmm, r)).join('\n')}`);
    }
  }
  const plans: Tally = {};
  for (const [policy, t] of byPolicy) {
    console.log(line(`${kind} ${policy}`, t));
    if (policy === 'none') continue;
    for (const [k, v] of Object.entries(t)) plans[k] = (plans[k] ?? 0) + v;
  }
  console.log(line(`${kind} plan policies`, plans));
}
