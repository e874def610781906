import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { Notice } from '../engine/types.js';
import type { ServicePlan } from '../plan/types.js';
import { initialIncidentState, updateIncident, type IncidentInput, type IncidentState } from './index.js';

const LEVELS = ['normal', 'elevated', 'surge', 'critical'];
const T0 = Date.parse('2020-02-03T08:50:00+08:00');
const MIN = 60_000;

function service(minStageSeconds = 0): ServicePlan {
  const text = (stage: string) => ({
    en: { title: `{service} ${stage}`, body: `{cause}; {multiple}x; delay {delay}; recovery {recovery}; next {nextUpdate}; {level}` },
    'zh-CN': { title: `{service} ${stage}`, body: `{cause}；{multiple} 倍；延迟{delay}；恢复{recovery}；下次{nextUpdate}；{level}` },
  });
  return {
    name: 'messaging',
    displayName: 'Messaging',
    displayNames: { en: 'Messaging', 'zh-CN': '即时消息' },
    notices: {
      templates: {
        surge: { investigating: text('investigating'), identified: text('identified'), monitoring: text('monitoring'), resolved: text('resolved') },
        critical: { identified: text('critical identified') },
      },
      cause: { en: 'the first working day after the holiday', 'zh-CN': '节后首个工作日' },
      updateEverySeconds: 600,
      minStageSeconds,
      openAtLevel: 'surge',
    },
    // only the fields incidents read; the rest of the plan is other modules' business
  } as unknown as ServicePlan;
}

/** A forecast that always says the same: recovery at `at` (null: not foreseen), calm ahead or not. */
const foresee = (at: number | null, calmAhead = true) => () => ({ at, earliest: at, latest: at, calmAhead });

type Row = [minute: number, level: string, flags: string, expect: string];

/** flags: t = throttling, s = scalingOut, c = capacityCoversDemand. expect: "event reason notice-id stage level" or "-" */
function runTable(rows: Row[], minStageSeconds = 0): void {
  let state: IncidentState = initialIncidentState();
  for (const [minute, level, flags, expected] of rows) {
    const input: IncidentInput = {
      t: T0 + minute * MIN,
      level,
      levels: LEVELS,
      baselineMultiple: 8.24,
      expectedDelayMs: 3200, usersAffected: true,
      forecast: foresee(T0 + 52 * MIN, flags.includes('c')),
      throttling: flags.includes('t'),
      scalingOut: flags.includes('s'),
      capacityCoversDemand: flags.includes('c'),
    };
    const out = updateIncident(service(minStageSeconds), 'Asia/Shanghai', state, input);
    const got = out.notices.length === 0
      ? '-'
      : out.events.map((e, i) => {
          const n = out.notices[i] as Notice;
          return [e.type, e.reason ?? '', n.id, n.stage, n.level].join(' ');
        }).join(' | ');
    expect(`${minute}: ${got}`).toBe(`${minute}: ${expected}`);
    expect(JSON.parse(JSON.stringify(out.state))).toEqual(out.state);
    state = out.state;
  }
}

describe('incident lifecycle', () => {
  it('holds each stage for minStageSeconds, so flickering throttling does not flip notices', () => {
    runTable([
      [0, 'surge', 't', 'incident:opened  messaging-1-1 investigating surge'],
      [1, 'surge', 't', '-'], // identified is due, but investigating has lasted 1 of 2 minutes
      [2, 'surge', 't', 'incident:updated stage-changed messaging-1-2 identified surge'],
      [3, 'surge', 'c', '-'], // capacity covers demand: monitoring waits until identified has lasted 2 minutes
      [4, 'surge', 't', '-'], // it slipped again: nothing to say
      [5, 'surge', 'c', 'incident:updated stage-changed messaging-1-3 monitoring surge'],
      [6, 'surge', 't', '-'],
      [7, 'surge', 'c', '-'],
      [8, 'elevated', 'c', 'incident:resolved  messaging-1-4 resolved surge'], // resolution is never held back
    ], 120);
  });

  it('opens, is identified, monitored and resolved', () => {
    runTable([
      [0, 'normal', 'c', '-'],
      [1, 'elevated', 'c', '-'],
      [2, 'surge', '', 'incident:opened  messaging-1-1 investigating surge'],
      [3, 'surge', '', '-'],
      [4, 'surge', 't', 'incident:updated stage-changed messaging-1-2 identified surge'],
      [5, 'surge', 'ts', '-'],
      [6, 'surge', 'sc', 'incident:updated stage-changed messaging-1-3 monitoring surge'],
      [7, 'surge', 'c', '-'],
      [8, 'elevated', 'c', 'incident:resolved  messaging-1-4 resolved surge'],
      [9, 'normal', 'c', '-'],
    ]);
  });

  it('goes back to identified when capacity slips, and re-escalation opens a new incident', () => {
    runTable([
      [0, 'surge', '', 'incident:opened  messaging-1-1 investigating surge'],
      [1, 'surge', 's', 'incident:updated stage-changed messaging-1-2 identified surge'],
      [2, 'surge', 'c', 'incident:updated stage-changed messaging-1-3 monitoring surge'],
      [3, 'surge', 't', 'incident:updated stage-changed messaging-1-4 identified surge'],
      [4, 'surge', 'c', 'incident:updated stage-changed messaging-1-5 monitoring surge'],
      [5, 'normal', 'c', 'incident:resolved  messaging-1-6 resolved surge'],
      [6, 'surge', '', 'incident:opened  messaging-2-1 investigating surge'],
    ]);
  });

  it('stays open while the level is low but demand is not yet covered', () => {
    runTable([
      [0, 'surge', 't', 'incident:opened  messaging-1-1 investigating surge'],
      [1, 'elevated', 't', 'incident:updated stage-changed messaging-1-2 identified surge'],
      [2, 'normal', 't', '-'],
      [3, 'normal', 'c', 'incident:resolved  messaging-1-3 resolved surge'],
    ]);
  });

  it('publishes when the level rises, and not when it falls', () => {
    runTable([
      [0, 'surge', 't', 'incident:opened  messaging-1-1 investigating surge'],
      [1, 'surge', 't', 'incident:updated stage-changed messaging-1-2 identified surge'],
      [2, 'critical', 't', 'incident:updated level-rose messaging-1-3 identified critical'],
      [3, 'surge', 't', '-'],
      [4, 'critical', 't', 'incident:updated level-rose messaging-1-4 identified critical'],
    ]);
  });

  it('publishes a periodic update exactly every updateEverySeconds after the last notice', () => {
    runTable([
      [0, 'surge', '', 'incident:opened  messaging-1-1 investigating surge'],
      [9, 'surge', '', '-'],
      [10, 'surge', '', 'incident:updated periodic messaging-1-2 investigating surge'],
      [13, 'surge', 't', 'incident:updated stage-changed messaging-1-3 identified surge'],
      [20, 'surge', 't', '-'],
      [22, 'surge', 't', '-'],
      [23, 'surge', 't', 'incident:updated periodic messaging-1-4 identified surge'],
      [33, 'surge', 't', 'incident:updated periodic messaging-1-5 identified surge'],
    ]);
  });
});

describe('incident notices', () => {
  it('carry the cause, numbers and times, and text from the chosen template', () => {
    const opened = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), {
      t: T0, level: 'surge', levels: LEVELS, baselineMultiple: 8.24, expectedDelayMs: 3200, usersAffected: true,
      forecast: foresee(T0 + 52 * MIN), throttling: false, scalingOut: false, capacityCoversDemand: false,
    });
    expect(opened.notices[0]).toEqual({
      id: 'messaging-1-1',
      incidentId: 'messaging-1',
      t: '2020-02-03T00:50:00.000Z',
      service: 'messaging',
      level: 'surge',
      stage: 'investigating',
      cause: { en: 'the first working day after the holiday', 'zh-CN': '节后首个工作日' },
      multiple: 8.2,
      expectedDelayMs: 3200,
      expectedRecoveryAt: '2020-02-03T01:42:00.000Z',
      recoveryEarliestAt: '2020-02-03T01:42:00.000Z',
      recoveryLatestAt: '2020-02-03T01:42:00.000Z',
      nextUpdateAt: '2020-02-03T01:00:00.000Z',
      text: {
        en: {
          title: 'Messaging investigating',
          body: 'the first working day after the holiday; 8.2x; delay about 3 seconds; recovery 09:42 CST; next 09:00 CST; surge',
        },
        'zh-CN': {
          title: '即时消息 investigating',
          body: '节后首个工作日；8.2 倍；延迟约 3 秒；恢复09:42（北京时间）；下次09:00（北京时间）；surge',
        },
      },
    });
  });

  it('fall back to the nearest lower level with a template for the stage', () => {
    let state = initialIncidentState();
    const base = { levels: LEVELS, baselineMultiple: 12, expectedDelayMs: 500, usersAffected: true, forecast: foresee(null), scalingOut: false, capacityCoversDemand: false };
    state = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t: T0, level: 'critical', throttling: false }).state;
    const identified = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t: T0 + MIN, level: 'critical', throttling: true });
    expect(identified.notices[0]?.text.en.body).toContain('cannot yet say when normal service will return');
    expect(identified.notices[0]?.text['zh-CN'].body).toContain('目前还无法确定恢复时间');
    const known = { ...base, forecast: foresee(T0 + 30 * MIN) };
    const withTime = updateIncident(service(), 'Asia/Shanghai', state, { ...known, t: T0 + MIN, level: 'critical', throttling: true });
    expect(withTime.notices[0]?.text.en.title).toBe('Messaging critical identified');
    const opened = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...known, t: T0, level: 'critical', throttling: false });
    expect(opened.notices[0]?.text.en.title).toBe('Messaging investigating');
  });

  it('after "not known yet" during a steep rise, announce the time within a minute of the forecast giving one', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, throttling: false, scalingOut: false, capacityCoversDemand: false };
    const rising = () => ({ at: null, earliest: null, latest: null, calmAhead: false, askAgain: true });
    const first = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, forecast: rising });
    // the text says why: the time hangs on how far the rise goes, not on a horizon hours away
    expect(first.notices[0]?.text.en.body).toContain('demand is still climbing fast');
    expect(first.notices[0]?.text.en.body).not.toContain('next few hours');
    expect(first.notices[0]?.text['zh-CN'].body).toContain('访问量仍在快速上升');
    let state = first.state;
    // still rising a minute later: nothing new to say
    const still = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t: T0 + MIN, forecast: rising });
    expect(still.notices).toEqual([]);
    state = still.state;
    // asked again a minute later, the forecast stands behind a time: users hear it now, not at the next scheduled update
    const known = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t: T0 + 2 * MIN, forecast: foresee(T0 + 9 * MIN, false) });
    expect(known.events.map((e) => e.reason)).toEqual(['recovery-known']);
    expect(known.notices[0]?.expectedRecoveryAt).toBe(new Date(T0 + 9 * MIN).toISOString());
  });

  it('after "not known yet", no time while demand still climbs very steeply, though the forecast offers one; a time once the rise slows', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, throttling: false, scalingOut: false, capacityCoversDemand: false };
    const rising = () => ({ at: null, earliest: null, latest: null, calmAhead: false, askAgain: true });
    const first = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, forecast: rising });
    // the trend has caught up with the wave and the forecast sees it end soon, but the rise goes on
    const offered = () => ({ at: T0 + 9 * MIN, earliest: T0 + 3 * MIN, latest: T0 + 9 * MIN, calmAhead: false, steepRise: true as const });
    const held = updateIncident(service(), 'Asia/Shanghai', first.state, { ...base, t: T0 + 2 * MIN, forecast: offered });
    expect(held.notices).toEqual([]);
    expect(held.state.open?.expectedRecoveryAt).toBeNull();
    // the stage change waits with it, rather than announcing "identified" with a time that hinges on the rise
    const identified = updateIncident(service(), 'Asia/Shanghai', held.state, { ...base, t: T0 + 3 * MIN, level: 'critical', forecast: offered });
    expect(identified.notices).toEqual([]);
    // the rise has slowed: the same time is now given
    const slowed = updateIncident(service(), 'Asia/Shanghai', identified.state, { ...base, t: T0 + 4 * MIN, forecast: foresee(T0 + 9 * MIN, false) });
    expect(slowed.events.map((e) => e.reason)).toEqual(['recovery-known']);
    expect(slowed.notices[0]?.expectedRecoveryAt).toBe(new Date(T0 + 9 * MIN).toISOString());
  });

  it('no recovery foreseen while demand climbs very steeply: the notice says the rise is why, the forecast is asked every minute, and a stage change waits for a time', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, throttling: false, scalingOut: true, capacityCoversDemand: false };
    // carried on, the rise outgrows the fleet within the horizon: no time, though the forecast did not say "ask again"
    const outgrown = () => ({ at: null, earliest: null, latest: null, calmAhead: false, steepRise: true as const });
    const first = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, forecast: outgrown });
    expect(first.notices[0]?.text.en.body).toContain('demand is still climbing fast');
    expect(first.state.open?.askAgainAt).toBe(T0 + MIN);
    const identified = updateIncident(service(), 'Asia/Shanghai', first.state, { ...base, t: T0 + 2 * MIN, level: 'critical', forecast: outgrown });
    expect(identified.notices).toEqual([]);
    const known = updateIncident(service(), 'Asia/Shanghai', identified.state, { ...base, t: T0 + 3 * MIN, level: 'critical', forecast: foresee(T0 + 11 * MIN, false) });
    expect(known.events.map((e) => e.reason)).toEqual(['stage-changed']);
    expect(known.notices[0]).toMatchObject({ stage: 'identified', level: 'critical', expectedRecoveryAt: new Date(T0 + 11 * MIN).toISOString() });
  });

  it('a time already given is not withdrawn because demand climbs very steeply', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, throttling: false, scalingOut: false, capacityCoversDemand: false };
    const steep = () => ({ at: T0 + 9 * MIN, earliest: T0 + 3 * MIN, latest: T0 + 9 * MIN, calmAhead: false, steepRise: true as const });
    const first = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, forecast: steep });
    expect(first.notices[0]?.expectedRecoveryAt).toBe(new Date(T0 + 9 * MIN).toISOString());
    const rose = updateIncident(service(), 'Asia/Shanghai', first.state, { ...base, t: T0 + 2 * MIN, level: 'critical', forecast: steep });
    expect(rose.events.map((e) => e.reason)).toEqual(['level-rose']);
    expect(rose.notices[0]?.expectedRecoveryAt).toBe(new Date(T0 + 9 * MIN).toISOString());
  });

  it('opened on demand alone while users are fine: a precaution with no delay or time to expect, then a time once users are held up', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 5, expectedDelayMs: 0, throttling: false, scalingOut: false, capacityCoversDemand: true };
    const opened = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, usersAffected: false, t: T0, forecast: foresee(T0 + 15_000) });
    const heads = opened.notices[0] as Notice;
    expect(heads).toMatchObject({ stage: 'investigating', expectedRecoveryAt: null, recoveryEarliestAt: null, recoveryLatestAt: null, precautionary: true });
    expect(heads.text.en.title).toBe('Messaging: high demand, no delays so far');
    expect(heads.text.en.body).not.toMatch(/slower|delayed by|normal service by/);
    // a minute on, capacity falls short and users wait: the forecast, asked again, gives a time
    const held = { ...base, usersAffected: true, expectedDelayMs: 4000, capacityCoversDemand: false, t: T0 + MIN, forecast: foresee(T0 + 9 * MIN, false) };
    const known = updateIncident(service(), 'Asia/Shanghai', opened.state, held);
    expect(known.events.map((e) => e.reason)).toEqual(['recovery-known']);
    expect(known.notices[0]).toMatchObject({ expectedRecoveryAt: new Date(T0 + 9 * MIN).toISOString() });
    expect(known.notices[0]?.precautionary).toBeUndefined();
    // when no time can be given, users are told so rather than left with "no delays so far"
    const unknown = updateIncident(service(), 'Asia/Shanghai', opened.state, { ...held, forecast: foresee(null, false) });
    expect(unknown.events.map((e) => e.reason)).toEqual(['estimate-changed']);
    expect(unknown.notices[0]?.text.en.body).toMatch(/cannot yet say/);
  });

  it('watching after a precaution says capacity keeps up, not "back to normal speed": users were told of no delay', () => {
    const calm = { level: 'surge', levels: LEVELS, baselineMultiple: 5, expectedDelayMs: 0, usersAffected: false, throttling: false, scalingOut: true, capacityCoversDemand: true, forecast: foresee(T0 + 15_000) };
    let state = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...calm, t: T0 }).state;
    const published: Notice[] = [];
    for (let minute = 1; minute <= 10 && !published.some((n) => n.stage === 'monitoring'); minute++) {
      const out = updateIncident(service(), 'Asia/Shanghai', state, { ...calm, t: T0 + minute * MIN });
      published.push(...out.notices);
      state = out.state;
    }
    const watching = published.find((n) => n.stage === 'monitoring');
    expect(watching).toMatchObject({ expectedRecoveryAt: null, precautionary: true });
    expect(watching?.text.en.title).toBe('Messaging: capacity keeps up with high demand; we are watching');
    expect(watching?.text['zh-CN'].title).toBe('即时消息容量足以应对高访问量，持续观察中');
    expect(watching?.text.en.body).not.toMatch(/back to normal|again/);

    // once users were held up and told so, watching is "back to normal speed" again
    const held = { ...calm, usersAffected: true, expectedDelayMs: 4000, capacityCoversDemand: false, forecast: foresee(T0 + 30 * MIN, false) };
    let after = updateIncident(service(), 'Asia/Shanghai', state, { ...held, t: T0 + 20 * MIN });
    expect(after.notices[0]?.precautionary).toBeUndefined();
    state = after.state;
    after = updateIncident(service(), 'Asia/Shanghai', state, { ...calm, t: T0 + 40 * MIN });
    const back = [...after.notices, ...updateIncident(service(), 'Asia/Shanghai', after.state, { ...calm, t: T0 + 41 * MIN }).notices].find((n) => n.stage === 'monitoring');
    expect(back?.text.en.title).toBe('Messaging is back to normal speed; we are watching');
    expect(back?.precautionary).toBeUndefined();
  });

  it('with no time in the horizon and no server on its way, the forecast waits for the next scheduled update', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, throttling: false, scalingOut: false, capacityCoversDemand: false };
    let state = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, forecast: foresee(null, false) }).state;
    const asked: number[] = [];
    for (let minute = 1; minute < 10; minute++) {
      const t = T0 + minute * MIN;
      const out = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t, forecast: () => (asked.push(t), { at: null, earliest: null, latest: null, calmAhead: false }) });
      expect(out.notices).toEqual([]);
      state = out.state;
    }
    expect(asked).toEqual([]);
    // updateEverySeconds is 600 here
    const due = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t: T0 + 10 * MIN, forecast: foresee(null, false) });
    expect(due.events.map((e) => e.reason)).toEqual(['periodic']);
  });

  it('without a steep rise, while servers are on their way, ask the forecast again at 1, 2, 4 ... minutes after the notice, and announce a time once it gives one', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, throttling: false, scalingOut: true, capacityCoversDemand: false };
    const opened = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, forecast: foresee(null, false) }).state;
    // servers on their way: the cause is known, and that is the notice the asking counts from
    const T1 = T0 + 15_000;
    const identified = updateIncident(service(), 'Asia/Shanghai', opened, { ...base, t: T1, forecast: foresee(null, false) });
    expect(identified.events.map((e) => e.reason)).toEqual(['stage-changed']);
    let state = identified.state;
    const asked: number[] = [];
    const counting = (at: number | null) => () => {
      asked.push(t);
      return { at, earliest: at, latest: at, calmAhead: false };
    };
    let t = T1;
    for (const minute of [1, 2, 3]) {
      t = T1 + minute * MIN;
      const out = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t, forecast: counting(minute === 3 ? T0 + 20 * MIN : null) });
      expect(out.notices).toEqual([]);
      state = out.state;
    }
    // asked at 1 and 2 minutes; the next time is 4 minutes after the notice, so minute 3 did not ask
    expect(asked).toEqual([T1 + MIN, T1 + 2 * MIN]);
    t = T1 + 4 * MIN;
    const known = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t, forecast: counting(T0 + 20 * MIN) });
    expect(known.events.map((e) => e.reason)).toEqual(['recovery-known']);
  });

  it('during a steep rise whose time is not known, the move to identified waits to be announced with the time', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, scalingOut: false, capacityCoversDemand: false };
    const rising = () => ({ at: null, earliest: null, latest: null, calmAhead: false, askAgain: true });
    let state = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, throttling: false, forecast: rising }).state;
    // throttling makes the cause known, but a second "not known yet" would tell users nothing new
    const quiet = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t: T0 + MIN, level: 'critical', throttling: true, forecast: rising });
    expect(quiet.notices).toEqual([]);
    state = quiet.state;
    const known = updateIncident(service(), 'Asia/Shanghai', state, { ...base, t: T0 + 2 * MIN, level: 'critical', throttling: true, forecast: foresee(T0 + 12 * MIN, false) });
    expect(known.events.map((e) => e.reason)).toEqual(['stage-changed']);
    expect(known.notices[0]).toMatchObject({ stage: 'identified', level: 'critical', expectedRecoveryAt: new Date(T0 + 12 * MIN).toISOString() });
  });

  it('once a promised time has passed with users still affected, publish a new estimate', () => {
    const base = { level: 'surge', levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, throttling: false, scalingOut: false, capacityCoversDemand: false };
    let state = updateIncident(service(120), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, forecast: foresee(T0 + 5 * MIN, false) }).state;
    for (const minute of [1, 2, 4]) {
      const out = updateIncident(service(120), 'Asia/Shanghai', state, { ...base, t: T0 + minute * MIN, forecast: foresee(T0 + 5 * MIN, false) });
      expect(out.notices).toEqual([]);
      state = out.state;
    }
    const late = updateIncident(service(120), 'Asia/Shanghai', state, { ...base, t: T0 + 8 * MIN, forecast: foresee(T0 + 14 * MIN, false) });
    expect(late.events.map((e) => e.reason)).toEqual(['estimate-changed']);
    expect(late.notices[0]?.expectedRecoveryAt).toBe(new Date(T0 + 14 * MIN).toISOString());
  });

  it('a higher level within minStage of the latest notice waits until that notice has stood for minStage', () => {
    const base = { levels: LEVELS, baselineMultiple: 6, expectedDelayMs: 900, usersAffected: true, throttling: false, scalingOut: false, capacityCoversDemand: false, forecast: foresee(null, false) };
    let state = updateIncident(service(120), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, level: 'surge' }).state;
    const soon = updateIncident(service(120), 'Asia/Shanghai', state, { ...base, t: T0 + MIN, level: 'critical' });
    expect(soon.notices).toEqual([]);
    state = soon.state;
    const later = updateIncident(service(120), 'Asia/Shanghai', state, { ...base, t: T0 + 2 * MIN, level: 'critical' });
    expect(later.events.map((e) => e.reason)).toEqual(['level-rose']);
    expect(later.notices[0]?.level).toBe('critical');
  });

  it('say when it recovered and promise no further update once resolved', () => {
    const base = { levels: LEVELS, baselineMultiple: 1.5, expectedDelayMs: 0, usersAffected: true, forecast: foresee(null), throttling: false, scalingOut: false, capacityCoversDemand: true };
    const open = updateIncident(service(), 'Asia/Shanghai', initialIncidentState(), { ...base, t: T0, level: 'surge' }).state;
    const resolved = updateIncident(service(), 'Asia/Shanghai', open, { ...base, t: T0 + 70 * MIN, level: 'normal' }).notices[0];
    expect(resolved?.expectedRecoveryAt).toBe('2020-02-03T02:00:00.000Z');
    expect(resolved?.nextUpdateAt).toBeNull();
    expect(resolved?.text.en.body).toContain('recovery 10:00 CST; next no further updates');
  });

  const inputs = fc.array(
    fc.record({
      dtSeconds: fc.integer({ min: 1, max: 900 }),
      level: fc.constantFrom(...LEVELS),
      baselineMultiple: fc.double({ min: 0, max: 200, noNaN: true }),
      expectedDelayMs: fc.double({ min: 0, max: 600_000, noNaN: true }),
      usersAffected: fc.boolean(),
      recoveryInSeconds: fc.option(fc.integer({ min: 0, max: 86_400 })),
      throttling: fc.boolean(),
      scalingOut: fc.boolean(),
      capacityCoversDemand: fc.boolean(),
    }),
    { maxLength: 60 },
  );

  test.prop([inputs])('every notice is complete, ids are sequential, and state round-trips through JSON', (rows) => {
    let state = initialIncidentState();
    let t = T0;
    const notices: Notice[] = [];
    for (const row of rows) {
      t += row.dtSeconds * 1000;
      const out = updateIncident(service(), 'Asia/Shanghai', state, {
        t, level: row.level, levels: LEVELS, baselineMultiple: row.baselineMultiple, expectedDelayMs: row.expectedDelayMs, usersAffected: row.usersAffected,
        forecast: foresee(row.recoveryInSeconds === null ? null : t + row.recoveryInSeconds * 1000, row.capacityCoversDemand),
        throttling: row.throttling, scalingOut: row.scalingOut, capacityCoversDemand: row.capacityCoversDemand,
      });
      expect(out.events.map((e) => e.data?.noticeId)).toEqual(out.notices.map((n) => n.id));
      expect(JSON.parse(JSON.stringify(out.state))).toEqual(out.state);
      notices.push(...out.notices);
      state = out.state;
    }
    const perIncident = new Map<string, number>();
    for (const n of notices) {
      const k = (perIncident.get(n.incidentId) ?? 0) + 1;
      perIncident.set(n.incidentId, k);
      expect(n.id).toBe(`${n.incidentId}-${k}`);
      expect(n.cause.en && n.cause['zh-CN']).toBeTruthy();
      expect(Number.isFinite(n.multiple) && n.expectedDelayMs >= 0).toBe(true);
      expect(n.text.en.body).not.toMatch(/\{\w+\}/);
      expect(n.text['zh-CN'].body).not.toMatch(/\{\w+\}/);
      expect(n.nextUpdateAt === null).toBe(n.stage === 'resolved');
      if (n.stage === 'resolved') expect(n.expectedRecoveryAt).toBe(n.t);
      if (n.precautionary) expect(n.expectedRecoveryAt).toBeNull();
    }
    expect([...perIncident.keys()]).toEqual([...perIncident.keys()].map((_, i) => `messaging-${i + 1}`));
  });
});
