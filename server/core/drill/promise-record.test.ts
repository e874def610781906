import { describe, expect, it } from 'vitest';
import { sampleTick as tick } from '../engine/test-tick.js';
import type { Notice } from '../engine/types.js';
import { judgePromise, promiseRecord } from './promise-record.js';

const T0 = Date.parse('2020-02-03T09:00:00+08:00');
const MIN = 60_000;
const iso = (minute: number): string => new Date(T0 + minute * MIN).toISOString();

/** A recorded trace, one tick a minute: 'x' users affected (latency over the 500 ms SLO), '.' fine. */
function trace(pattern: string) {
  return [...pattern].map((c, i) => tick({ t: iso(i), service: 'chat', latencyMs: c === 'x' ? 30_000 : 40 }));
}

function notice(minute: number, recoveryMinute: number | null, stage: Notice['stage'] = 'identified'): Notice {
  return {
    id: `chat-1-${minute}`, incidentId: 'chat-1', t: iso(minute), service: 'chat', level: 'surge', stage,
    cause: { en: 'c', 'zh-CN': 'c' }, multiple: 5, expectedDelayMs: 1000,
    expectedRecoveryAt: recoveryMinute === null ? null : iso(recoveryMinute), nextUpdateAt: iso(minute + 15),
    text: { en: { title: '', body: '' }, 'zh-CN': { title: '', body: '' } },
  };
}

describe('promise record on a recorded trace', () => {
  // affected 0-19, a one-minute lull at 10 does not count, back for good from 20
  const ticks = trace(`${'x'.repeat(10)}.${'x'.repeat(9)}${'.'.repeat(30)}`);

  it('scores only notices published while users were affected, against when they were back for good', () => {
    const record = promiseRecord(ticks, [
      notice(2, 21), // on target: 1 min late is within 2 min
      notice(5, 12), // broken: users waited 8 min longer
      notice(8, 40), // early: 20 min later than needed, beyond 25% of a 12 min wait
      notice(12, null), // not known yet
      notice(10, 11), // published in the lull: users were fine, not scored
      notice(25, 25, 'monitoring'), // users fine: not scored
    ], 500, 60);
    expect(record).toEqual({ scored: 4, notKnown: 1, onTarget: 0.25, broken: 0.25, medianErrorSeconds: 480, biasSeconds: (60 - 480 + 1200) / 3 });
  });

  it('a promise whose wait never ended within the trace is broken', () => {
    expect(promiseRecord(trace('xxxx'), [notice(1, 2)], 500, 60).broken).toBe(1);
  });
});

describe('judgePromise', () => {
  it('allows max(2 min, 25% of the actual wait) either way', () => {
    const published = T0;
    expect(judgePromise(published, T0 + 62 * MIN, T0 + 60 * MIN).verdict).toBe('on-target'); // 2 of a 15 min tolerance
    expect(judgePromise(published, T0 + 44 * MIN, T0 + 60 * MIN).verdict).toBe('broken');
    expect(judgePromise(published, T0 + 76 * MIN, T0 + 60 * MIN).verdict).toBe('early');
    expect(judgePromise(published, T0 + 2 * MIN, T0 + 4 * MIN).verdict).toBe('on-target');
    expect(judgePromise(published, null, T0).verdict).toBe('not-known');
  });
});
