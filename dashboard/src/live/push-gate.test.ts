import { describe, expect, test } from 'vitest';
import { createPushGate } from './push-gate.js';

describe('push gate', () => {
  test('passes calls through, holds them during a subscription, then replays them in order', () => {
    const gate = createPushGate();
    const seen: string[] = [];
    const handler = gate.wrap((name: string) => seen.push(name));
    handler('a');
    gate.hold();
    handler('b');
    handler('c');
    expect(seen).toEqual(['a']);
    seen.push('snapshot');
    gate.release();
    handler('d');
    expect(seen).toEqual(['a', 'snapshot', 'b', 'c', 'd']);
  });

  test('a failed subscription drops what was held', () => {
    const gate = createPushGate();
    const seen: number[] = [];
    const handler = gate.wrap((n: number) => seen.push(n));
    gate.hold();
    handler(1);
    gate.drop();
    gate.hold();
    handler(2);
    gate.release();
    expect(seen).toEqual([2]);
  });
});
