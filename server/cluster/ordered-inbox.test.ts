import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { OrderedInbox } from './ordered-inbox.js';

describe('OrderedInbox', () => {
  test.prop([fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 40 }), fc.integer()])('delivers every message once, in order, however they arrive', (first, count, seed) => {
    const seqs = Array.from({ length: count }, (_, i) => first + i);
    // the first to arrive must be the first sent: that is where a follower starts counting
    const rest = seqs.slice(1).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97));
    const got: number[] = [];
    const inbox = new OrderedInbox<number>((m) => got.push(m));
    for (const s of [seqs[0]!, ...rest]) inbox.accept(s, s);
    expect(got).toEqual(seqs);
  });

  it('ignores a repeated or stale message', () => {
    const got: number[] = [];
    const inbox = new OrderedInbox<number>((m) => got.push(m));
    inbox.accept(5, 5);
    inbox.accept(5, 5);
    inbox.accept(4, 4);
    inbox.accept(6, 6);
    expect(got).toEqual([5, 6]);
  });

  it('goes on past a message that never comes once enough wait behind it', () => {
    const got: number[] = [];
    const inbox = new OrderedInbox<number>((m) => got.push(m), 3);
    inbox.accept(1, 1);
    for (const s of [3, 4, 5]) inbox.accept(s, s);
    expect(got).toEqual([1]);
    inbox.accept(6, 6);
    expect(got).toEqual([1, 3, 4, 5, 6]);
    inbox.accept(2, 2);
    expect(got).toEqual([1, 3, 4, 5, 6]);
  });
});
