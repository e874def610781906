import { describe, expect, test } from 'vitest';
import { formatAxisTime, formatDuration, formatTime, safeTimeZone, zoneOffsetLabel } from './format-time.js';

const FEB3_0100Z = '2020-02-03T01:00:00.000Z';

describe('time in the scenario time zone', () => {
  test('shows Feb-3 01:00Z as 09:00 in Shanghai and 01:00 in UTC, in both languages', () => {
    expect(formatTime(FEB3_0100Z, 'Asia/Shanghai', 'en')).toBe('09:00');
    expect(formatTime(FEB3_0100Z, 'UTC', 'en')).toBe('01:00');
    expect(formatTime(Date.parse(FEB3_0100Z), 'Asia/Shanghai', 'zh-CN')).toBe('09:00');
    expect(formatTime(FEB3_0100Z, 'Asia/Shanghai', 'en', 'timeSeconds')).toBe('09:00:00');
  });

  test('a date-time carries the local date across midnight', () => {
    const text = formatTime('2020-02-02T17:30:00Z', 'Asia/Shanghai', 'en', 'dateTime');
    expect(text).toContain('Feb 3');
    expect(text).toContain('01:30');
    expect(formatTime('2020-02-02T17:30:00Z', 'Asia/Shanghai', 'zh-CN', 'dateTime')).toContain('2月3日');
  });

  test('an unknown zone falls back to UTC, an unparseable time to empty text', () => {
    expect(safeTimeZone('Mars/Olympus')).toBe('UTC');
    expect(formatTime(FEB3_0100Z, 'Mars/Olympus', 'en')).toBe('01:00');
    expect(formatTime('not a time', 'UTC', 'en')).toBe('');
  });

  test('offset labels follow daylight saving', () => {
    expect(zoneOffsetLabel('Asia/Shanghai', FEB3_0100Z, 'en')).toBe('GMT+8');
    expect(zoneOffsetLabel('Europe/Berlin', '2020-07-01T00:00:00Z', 'en')).toBe('GMT+2');
    expect(zoneOffsetLabel('Europe/Berlin', FEB3_0100Z, 'en')).toBe('GMT+1');
  });

  test('axis labels add seconds for short steps and the date for long ones', () => {
    const ms = Date.parse(FEB3_0100Z);
    expect(formatAxisTime(ms, 10_000, 'Asia/Shanghai', 'en')).toBe('09:00:00');
    expect(formatAxisTime(ms, 3_600_000, 'Asia/Shanghai', 'en')).toBe('09:00');
    expect(formatAxisTime(ms, 86_400_000, 'Asia/Shanghai', 'en')).toContain('Feb 3');
  });
});

describe('durations', () => {
  test.each([
    [850, 'en', '850 ms'],
    [4200, 'en', '4.2 sec'],
    [12 * 60_000, 'en', '12 min'],
    [90 * 60_000, 'en', '1 hr 30 min'],
    [2 * 3_600_000, 'en', '2 hr'],
    [4200, 'zh-CN', '4.2秒'],
  ] as const)('%d ms in %s reads %s', (ms, language, expected) => {
    expect(formatDuration(ms, language)).toBe(expected);
  });

  test('nonsense gives empty text', () => {
    expect(formatDuration(-1, 'en')).toBe('');
    expect(formatDuration(Number.NaN, 'en')).toBe('');
  });
});
