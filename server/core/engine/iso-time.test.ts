import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time.js';

describe('isoTime', () => {
  it('writes what toISOString writes, across the years it formats itself', () => {
    const edges = [0, -1, 1, 951_782_400_000, 951_868_799_999, 1_580_659_215_000, 4_107_542_400_000, -62_167_219_200_000, 253_402_300_799_999, -2_208_988_800_001];
    for (const ms of edges) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    // a fixed pseudo-random walk over the whole range (deterministic, no Math.random)
    let x = 12345;
    for (let i = 0; i < 20_000; i++) {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      const ms = Math.round(-62_167_219_200_000 + (x / 2_147_483_648) * 315_569_519_999_999);
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
    for (let ms = 1_580_572_800_000; ms < 1_580_572_800_000 + 2 * 86_400_000; ms += 15_000) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('leaves other times to toISOString: extended years, fractions, invalid', () => {
    for (const ms of [253_402_300_800_000, -62_167_219_200_001, 8.64e15, 1.5]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
  });
});
