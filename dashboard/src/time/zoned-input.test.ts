import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { formatTime } from './format-time.js';
import { zonedInputToIso, zoneOffsetMs } from './zoned-input.js';

describe('zonedInputToIso', () => {
  test.each([
    ['2020-02-03T09:00', 'Asia/Shanghai', '2020-02-03T01:00:00.000Z'],
    ['2020-02-03T07:30:15', 'Asia/Shanghai', '2020-02-02T23:30:15.000Z'],
    ['2020-02-03T09:00', 'UTC', '2020-02-03T09:00:00.000Z'],
    ['2021-07-01T12:00', 'America/New_York', '2021-07-01T16:00:00.000Z'],
    ['2021-01-01T12:00', 'America/New_York', '2021-01-01T17:00:00.000Z'],
    ['2021-03-14T02:30', 'America/New_York', '2021-03-14T07:30:00.000Z'],
    ['2021-11-07T01:30', 'America/New_York', '2021-11-07T05:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    expect(zonedInputToIso(local, zone)).toBe(iso);
  });

  test.each(['', '09:00', '2020-02-03', '2020-02-03 09:00', 'tomorrow'])('%j is not a wall time', (text) => {
    expect(zonedInputToIso(text, 'Asia/Shanghai')).toBeNull();
  });

  test('the offset of Shanghai is eight hours', () => {
    expect(zoneOffsetMs('Asia/Shanghai', Date.parse('2020-02-03T01:00:00Z'))).toBe(8 * 3_600_000);
  });
});

describe('round trip through the scenario zone', () => {
  const zones = ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'] as const;
  prop.prop([fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 })])(
    'the wall time shown for an instant reads back as that instant (outside DST overlaps)',
    (zone, minute) => {
      const at = minute * 60_000;
      const offsetBefore = zoneOffsetMs(zone, at - 3 * 3_600_000);
      const offsetAfter = zoneOffsetMs(zone, at + 3 * 3_600_000);
      fc.pre(offsetBefore === offsetAfter);
      const wall = new Date(at + zoneOffsetMs(zone, at)).toISOString().slice(0, 16);
      expect(zonedInputToIso(wall, zone)).toBe(new Date(at).toISOString());
      expect(formatTime(at, zone, 'en', 'time')).toBe(wall.slice(11, 16));
    },
  );
});
