import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snappyDeclaredLength } from './write-request-decoder.js';
import { compressBlock, snappyImplementation, uncompressBlock, uncompressBlockJs } from './snappy-block.js';

describe('snappy block decoding', () => {
  it('uses the native decoder on this platform', () => {
    expect(snappyImplementation).toBe('native');
  });

  it('round-trips any bytes, native and snappyjs alike', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const block = compressBlock(Buffer.from(bytes));
        expect([...uncompressBlock(block, 1 << 20)]).toEqual([...bytes]);
        expect([...uncompressBlockJs(block, 1 << 20)]).toEqual([...bytes]);
      }),
      { seed: 20200203, numRuns: 200 },
    );
  });

  it('on arbitrary bytes either throws or returns exactly the length the block declares', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 256 }), (bytes) => {
        const declared = snappyDeclaredLength(bytes);
        let length: number | 'refused';
        try {
          length = uncompressBlock(Buffer.from(bytes), 1 << 20).length;
        } catch {
          length = 'refused';
        }
        if (length !== 'refused') expect(length).toBe(declared);
      }),
      { seed: 20200203, numRuns: 2000 },
    );
  });
});
