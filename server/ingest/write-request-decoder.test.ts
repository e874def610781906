import { describe, expect, it } from 'vitest';
import { LabelInterner } from './label-interner.js';
import { WriteRequestType } from './remote-write.js';
import type { TimeSeries } from './remote-write.js';
import { decodeProtobuf } from './write-request-decoder.js';
import { DEFAULT_WRITE_REQUEST_LIMITS } from './write-request-limits.js';

const labels = (instance: string) => [
  { name: '__name__', value: 'http_requests_total' },
  { name: 'instance', value: instance },
  { name: 'job', value: 'api' },
];
const encode = (timeseries: TimeSeries[]): Uint8Array => WriteRequestType.encode(WriteRequestType.fromObject({ timeseries })).finish();
const at = (instance: string, timestamp: number, value = 1): TimeSeries => ({ labels: labels(instance), samples: [{ timestamp, value }] });

function decoded(raw: Uint8Array, interner?: LabelInterner, limits = DEFAULT_WRITE_REQUEST_LIMITS) {
  const result = decodeProtobuf(raw, limits, interner);
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.value.timeseries;
}

describe('decodeProtobuf with a label interner', () => {
  it('gives a series sent again the same label list, and the same values as without', () => {
    const interner = new LabelInterner(100);
    const first = decoded(encode([at('a', 1000), at('b', 1000)]), interner);
    const second = decoded(encode([at('b', 2000), at('a', 2000)]), interner);
    expect(second[1]?.labels).toBe(first[0]?.labels);
    expect(second[0]?.labels).toBe(first[1]?.labels);
    expect(second).toEqual(decoded(encode([at('b', 2000), at('a', 2000)])));
    expect(interner.size).toBe(2);
  });

  it('counts the labels of a known series against the request limits', () => {
    const interner = new LabelInterner(100);
    const limits = { ...DEFAULT_WRITE_REQUEST_LIMITS, labels: 5 };
    decoded(encode([at('a', 1000)]), interner, limits);
    const result = decodeProtobuf(encode([at('a', 2000), at('a', 3000)]), limits, interner);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: 'remote-write.limit', field: 'timeseries[1].labels[2]' });
  });

  it('never adds a label sent after the samples to the shared list', () => {
    const interner = new LabelInterner(100);
    const plain = encode([at('a', 1000)]);
    const shared = decoded(plain, interner)[0]?.labels;
    const series = Buffer.from(WriteRequestType.lookupType('TimeSeries').encode({ labels: labels('a'), samples: [{ timestamp: 2000, value: 1 }] }).finish());
    const extra = Buffer.from(WriteRequestType.lookupType('Label').encode({ name: 'zone', value: 'x' }).finish());
    const tail = Buffer.concat([Buffer.from([0x0a, extra.length]), extra]);
    const body = Buffer.concat([Buffer.from([0x0a, series.length + tail.length]), series, tail]);
    const late = decoded(body, interner)[0]?.labels;
    expect(late?.map((l) => l.name)).toEqual(['__name__', 'instance', 'job', 'zone']);
    expect(shared).toHaveLength(3);
  });

  it('stays within its bounds in entries and in bytes', () => {
    const byCount = new LabelInterner(2);
    for (const name of ['a', 'b', 'c', 'd', 'e']) decoded(encode([at(name, 1000)]), byCount);
    expect(byCount.size).toBeLessThanOrEqual(2);
    const byBytes = new LabelInterner(100, 80);
    for (const name of ['a', 'b', 'c', 'd', 'e']) decoded(encode([at(name, 1000)]), byBytes);
    expect(byBytes.size).toBeLessThanOrEqual(1);
  });
});

describe('decodeProtobuf timestamps', () => {
  it('reads every int64 a sender may put there, negative and past 2^53 included', () => {
    for (const timestamp of [0, 1, 127, 128, Date.UTC(2020, 1, 3), 8.64e15, 2 ** 55 + 8, -1, -1_580_000_000_000]) {
      expect(decoded(encode([at('a', timestamp)]))[0]?.samples[0]?.timestamp).toBe(timestamp);
    }
  });
});
