import { describe, expect, test } from 'vitest';
import { afterPoll, conditionalHeaders, initialPollState, nextPollIn, parseRetryAfter, POLL_INTERVAL_MS, shouldPoll, withSocket } from './polling.js';

describe('polling fallback', () => {
  test('polls once at load, even before the socket is known', () => {
    expect(shouldPoll(initialPollState, 0)).toBe(true);
    expect(shouldPoll(withSocket(initialPollState, true), 0)).toBe(true);
  });

  test('tick table: live socket stops polling; a lost socket resumes it every 15 s', () => {
    let state = afterPoll(initialPollState, { kind: 'changed', etag: '"a"' }, 0);
    const rows: [string, number, boolean][] = [];
    const at = (label: string, now: number): void => {
      rows.push([label, now, shouldPoll(state, now)]);
    };
    at('just polled', 1_000);
    at('15 s later, socket down', 15_000);
    state = withSocket(state, true);
    at('socket live', 60_000);
    state = withSocket(state, false);
    at('socket lost', 60_001);
    state = afterPoll(state, { kind: 'unchanged' }, 60_001);
    at('polled 304', 70_000);
    at('15 s after', 75_001);
    expect(rows).toEqual([
      ['just polled', 1_000, false],
      ['15 s later, socket down', 15_000, true],
      ['socket live', 60_000, false],
      ['socket lost', 60_001, true],
      ['polled 304', 70_000, false],
      ['15 s after', 75_001, true],
    ]);
  });

  test('sends If-None-Match once an ETag is known, and keeps it on 304', () => {
    expect(conditionalHeaders(initialPollState)).toEqual({});
    let state = afterPoll(initialPollState, { kind: 'changed', etag: '"v1"' }, 0);
    state = afterPoll(state, { kind: 'unchanged' }, 15_000);
    expect(conditionalHeaders(state)).toEqual({ 'If-None-Match': '"v1"' });
  });

  test('failures back off exponentially up to two minutes, and success resets', () => {
    let state = afterPoll(initialPollState, { kind: 'changed', etag: null }, 0);
    const waits: (number | null)[] = [];
    let now = 0;
    for (let i = 0; i < 5; i++) {
      state = afterPoll(state, { kind: 'failed', retryAfterMs: null }, now);
      waits.push(nextPollIn(state, now));
      now += 1;
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 120_000, 120_000]);
    state = afterPoll(state, { kind: 'changed', etag: null }, now);
    expect(nextPollIn(state, now)).toBe(POLL_INTERVAL_MS);
    expect(nextPollIn(withSocket(state, true), now)).toBeNull();
  });

  test('a Retry-After longer than the backoff is honoured', () => {
    const state = afterPoll(initialPollState, { kind: 'failed', retryAfterMs: 300_000 }, 0);
    expect(nextPollIn(state, 0)).toBe(300_000);
    expect(shouldPoll(state, 299_999)).toBe(false);
    expect(shouldPoll(state, 300_000)).toBe(true);
  });

  test('reads Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:01:00 GMT', 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});
