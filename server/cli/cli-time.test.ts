import { describe, expect, test } from 'vitest';
import { cliTimeToMs, readCliTime } from './cli-time.js';

const ms = (text: string, zone: string): number | null => {
  const time = readCliTime(text);
  return time && cliTimeToMs(time, zone);
};

describe('times on the command line', () => {
  test('with an offset: that instant, whatever the zone', () => {
    expect(ms('2020-02-03T06:00:00+08:00', 'America/New_York')).toBe(Date.parse('2020-02-02T22:00:00Z'));
  });

  test('without one: the wall clock of the scenario\'s zone', () => {
    expect(ms('2020-02-03T06:00', 'Asia/Shanghai')).toBe(Date.parse('2020-02-03T06:00:00+08:00'));
    expect(ms('2020-02-03 06:00:30', 'UTC')).toBe(Date.parse('2020-02-03T06:00:30Z'));
    expect(ms('2020-07-01T12:00', 'America/New_York')).toBe(Date.parse('2020-07-01T12:00:00-04:00'));
    expect(ms('2020-01-01T12:00', 'America/New_York')).toBe(Date.parse('2020-01-01T12:00:00-05:00'));
  });

  test('around daylight saving: a skipped time moves on by the change, a repeated one is the earlier', () => {
    expect(ms('2020-03-08T02:30', 'America/New_York')).toBe(Date.parse('2020-03-08T03:30:00-04:00'));
    expect(ms('2020-11-01T01:30', 'America/New_York')).toBe(Date.parse('2020-11-01T01:30:00-04:00'));
  });

  test('anything else is refused', () => {
    for (const text of ['yesterday', '2020-02-30T06:00', '2020-02-03T25:00', '2020-02-03', '2020-02-03T06:00+8']) expect(readCliTime(text)).toBeNull();
  });
});
