import { fc, test } from '@fast-check/vitest';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tokenWeakness } from './token-strength.js';

describe('tokenWeakness', () => {
  it.each([
    ['short-but-random-9x', 'too-short', /too short: 19 characters, at least 24/],
    ['aaaaaaaaaaaaaaaaaaaaaaaa', 'few-distinct', /too few distinct characters: 1, at least 10/],
    ['abcabcabcabcabcabcabcabcabc', 'few-distinct', /too few distinct characters: 3/],
    ['aaaabbbbccccddddeeeeffffgggghhhhiiiijjjj', 'repeats', /mostly repeats: 3\d of 40/],
    ['abcdefghijklmnopqrstuvwxyz', 'sequence', /mostly sequences: 25 of 26/],
    ['0123456789876543210123456789', 'sequence', /mostly sequences/],
    ['has a space in the middle of it', 'whitespace', /whitespace/],
  ])('%s is refused as %s', (token, reason, message) => {
    const weakness = tokenWeakness(token);
    expect(weakness?.reason).toBe(reason);
    expect(weakness?.message).toMatch(message);
  });

  it.each(['ci-admin-token-0123456789abcdef', 'Xk9$mQ2vLp8#Rt4wZn6&Yb3j', 'correct-horse-battery-staple-42'])('%s is accepted', (token) => {
    expect(tokenWeakness(token)).toBeNull();
  });
});

test.prop([fc.integer({ min: 18, max: 64 })])('random tokens of 18 bytes or more are accepted, as generated ones are', (bytes) => {
  expect(tokenWeakness(`fc_admin_${randomBytes(bytes).toString('base64url')}`)).toBeNull();
});

test.prop([fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 8, max: 30 })])('a short pattern repeated is never accepted', (unit, times) => {
  expect(tokenWeakness(unit.repeat(times))).not.toBeNull();
});
