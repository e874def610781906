import { describe, expect, test } from 'vitest';
import { initialConnection, nextConnection, staleSeconds, type ConnectionSignal, type ConnectionState } from './connection-state.js';

function run(signals: [ConnectionSignal, number][]): [string, number, string, number | null][] {
  let state: ConnectionState = initialConnection;
  return signals.map(([signal, now]) => {
    state = nextConnection(state, signal, now);
    return [signal, now, state.phase, state.lastDataAt];
  });
}

describe('connection indicator', () => {
  test('tick table: connect, data, drop, retries, offline, back', () => {
    expect(
      run([
        ['connect-failed', 1],
        ['subscribed', 2],
        ['data', 3],
        ['disconnected', 4],
        ['connect-failed', 5],
        ['connect-failed', 6],
        ['connect-failed', 7],
        ['connect-failed', 8],
        ['subscribed', 9],
        ['connect-failed', 10],
      ]),
    ).toEqual([
      ['connect-failed', 1, 'reconnecting', null],
      ['subscribed', 2, 'live', 2],
      ['data', 3, 'live', 3],
      ['disconnected', 4, 'reconnecting', 3],
      ['connect-failed', 5, 'reconnecting', 3],
      ['connect-failed', 6, 'reconnecting', 3],
      ['connect-failed', 7, 'offline', 3],
      ['connect-failed', 8, 'offline', 3],
      ['subscribed', 9, 'live', 9],
      ['connect-failed', 10, 'live', 9],
    ]);
  });

  test('a quiet live socket is stale only while a drill runs', () => {
    const live = nextConnection(initialConnection, 'subscribed', 0);
    expect(staleSeconds(live, 14_999, true)).toBeNull();
    expect(staleSeconds(live, 20_500, true)).toBe(20);
    expect(staleSeconds(live, 20_500, false)).toBeNull();
    expect(staleSeconds(initialConnection, 20_500, true)).toBeNull();
  });
});
