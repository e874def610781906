import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { formatCsvTrace, MAX_CSV_ERRORS, parseCsvTrace } from './csv-trace.js';
import { demandAt, FEB3_PARAMS, FEB3_SEED, generateScenario, scenarioBounds } from './scenario.js';

const trace = (...lines: string[]): string => `${lines.join('\n')}\n`;

function errorsOf(text: string): [string, number | undefined, number | undefined][] {
  const result = parseCsvTrace(text, 'trace.csv');
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e) => [e.code, e.line, e.column]);
}

describe('parseCsvTrace', () => {
  it('reads ISO timestamps, keeping their offset', () => {
    const result = parseCsvTrace(trace('timestamp,rps', '2020-02-03T09:00:00+08:00,100', '2020-02-03T09:01:00+08:00,200'), 'dir/feb3.csv', { service: 'messaging' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        name: 'feb3', timezone: 'Etc/GMT-8', start: '2020-02-03T09:00:00+08:00', stepSeconds: 60,
        services: { messaging: [100, 200] }, seed: null, params: null,
      }),
    });
  });

  it('reads seconds, from the epoch or from 0', () => {
    const epoch = parseCsvTrace(trace('timestamp,rps', '1580691600,5', '1580691610,7'), 't.csv');
    expect(epoch).toMatchObject({ ok: true, value: { start: '2020-02-03T01:00:00.000Z', stepSeconds: 10, timezone: 'UTC', services: { default: [5, 7] } } });
    const relative = parseCsvTrace(trace('timestamp,rps', '0,5', '30,8', '60,11'), 't.csv');
    expect(relative).toMatchObject({ ok: true, value: { start: '1970-01-01T00:00:00.000Z', stepSeconds: 30, services: { default: [5, 8, 11] } } });
  });

  it('separates interleaved services, in any column order, and can keep just one', () => {
    const text = trace('service,timestamp,rps', 'a,0,1', 'b,0,10', 'a,60,2', 'b,60,20', '# a comment', '', 'a,120,3', 'b,120,30');
    expect(parseCsvTrace(text, 't.csv')).toMatchObject({ ok: true, value: { stepSeconds: 60, services: { a: [1, 2, 3], b: [10, 20, 30] } } });
    expect(parseCsvTrace(text, 't.csv', { service: 'b' })).toMatchObject({ ok: true, value: { services: { b: [10, 20, 30] } } });
    expect(parseCsvTrace(text, 't.csv', { service: 'c' })).toMatchObject({ ok: false, errors: [{ code: 'csv.service' }] });
  });

  it('resamples irregular samples onto the smallest spacing by linear interpolation', () => {
    const text = trace('timestamp,rps,service', '0,0,a', '20,200,a', '60,600,a', '10,50,b', '70,110,b');
    const result = parseCsvTrace(text, 't.csv');
    // grid 0,20,40,60,80 s; b is held within one step of its ends and 0 beyond
    expect(result).toMatchObject({ ok: true, value: { stepSeconds: 20, services: { a: [0, 200, 400, 600, 600], b: [50, 60, 80, 100, 110] } } });
    const far = parseCsvTrace(trace('timestamp,rps,service', '0,1,a', '10,1,a', '20,1,a', '30,1,a', '30,5,b'), 't.csv');
    expect(far).toMatchObject({ ok: true, value: { services: { a: [1, 1, 1, 1], b: [0, 0, 5, 5] } } });
  });

  it('uses whole seconds, at least one', () => {
    const result = parseCsvTrace(trace('timestamp,rps', '0,0', '0.25,1', '2.5,10'), 't.csv');
    expect(result).toMatchObject({ ok: true, value: { stepSeconds: 1, services: { default: [0, 4, 8, 10] } } });
  });

  test.prop([fc.array(fc.record({ gap: fc.integer({ min: 1, max: 600 }), rps: fc.integer({ min: 0, max: 1e6 }) }), { minLength: 1, maxLength: 50 })])(
    'keeps every sample that falls on the grid, and stays within the samples around it',
    (rows) => {
      let t = 1_580_691_600;
      const lines = rows.map((r) => `${(t += r.gap)},${r.rps}`);
      const result = parseCsvTrace(trace('timestamp,rps', ...lines), 't.csv');
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const s = result.value;
      const values = rows.map((r) => r.rps);
      for (const v of s.services.default!) {
        expect(v).toBeGreaterThanOrEqual(Math.min(...values));
        expect(v).toBeLessThanOrEqual(Math.max(...values));
      }
      const first = Date.parse(s.start);
      expect(demandAt(s, 'default', first)).toBe(rows[0]!.rps);
    },
  );
});

describe('parseCsvTrace errors', () => {
  it('missing header', () => {
    expect(errorsOf(trace('2020-02-03T09:00:00+08:00,100'))).toEqual([['csv.header', 1, 1]]);
    expect(errorsOf(trace('time,rps', '0,1'))).toEqual([['csv.header', 1, 1], ['csv.header', 1, 1]]);
  });

  it('empty file, or a header and no samples', () => {
    expect(errorsOf('')).toEqual([['csv.empty', 1, 1]]);
    expect(errorsOf(trace('# nothing yet', 'timestamp,rps'))).toEqual([['csv.empty', 2, 1]]);
  });

  it('wrong column count', () => {
    expect(errorsOf(trace('timestamp,rps', '0,1', '60', '120,3,x'))).toEqual([['csv.columns', 3, 1], ['csv.columns', 4, 1]]);
  });

  it('bad numbers and timestamps, with their columns', () => {
    expect(errorsOf(trace('timestamp,rps,service', '0,1,a', '60,lots,a', '2020-02-03 09:00,3,a', '180,-1,a', '240,4,'))).toEqual([
      ['csv.rps', 3, 4],
      ['csv.timestamp', 4, 1],
      ['csv.rps', 5, 5],
      ['csv.service', 6, 7],
    ]);
  });

  it('timestamps must keep one form and increase per service', () => {
    const text = trace('timestamp,rps,service', '0,1,a', '0,1,b', '60,1,a', '60,1,a', '30,1,b', '2020-02-03T09:00:00Z,1,b');
    expect(errorsOf(text)).toEqual([['csv.order', 5, 1], ['csv.timestamp', 7, 1]]);
  });

  it('error messages name file, line and what was expected', () => {
    const result = parseCsvTrace(trace('timestamp,rps', '0,1', '0,2'), 'x.csv');
    expect(result).toEqual({
      ok: false,
      errors: [{
        code: 'csv.order', file: 'x.csv', line: 3, column: 1, field: 'timestamp',
        message: "timestamp 0 is not after 0 (line 2), the previous sample of default; each service's samples must be in increasing time order",
      }],
    });
  });

  it('groups the same mistake on many rows into one error naming the rows', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `02/03/2020 06:${String(i).padStart(2, '0')},100`);
    const result = parseCsvTrace(trace('timestamp,rps', ...rows, '1580691600,5', '02/03/2020 07:00,1'), 'x.csv');
    expect(result).toEqual({
      ok: false,
      errors: [{
        code: 'csv.timestamp', file: 'x.csv', line: 2, column: 1, field: 'timestamp',
        message: 'lines 2-21, 23 (21 rows): timestamp "02/03/2020 06:00" is not an ISO 8601 date-time with an offset (2020-02-03T09:00:00+08:00) or seconds (1580691600)',
      }],
    });
  });

  it('caps the number of kinds of error listed', () => {
    // each row's mistake is in another column, so none group together
    const bad = Array.from({ length: 50 }, (_, i) => `${' '.repeat(i)}${i},x`);
    const errors = errorsOf(trace('timestamp,rps', ...bad));
    expect(errors).toHaveLength(MAX_CSV_ERRORS + 1);
    expect(errors.at(-1)?.[0]).toBe('csv.more-errors');
  });
});

describe('bundled traces', () => {
  const feb3 = generateScenario(FEB3_PARAMS, FEB3_SEED);
  const read = (name: string): string => readFileSync(new URL(`../../../scenarios/traces/${name}`, import.meta.url), 'utf8');

  it.each([
    ['feb3-messaging-morning.csv', ['messaging'], '2020-02-03T07:00:00+08:00', '2020-02-03T12:00:00+08:00', 'iso'],
    ['feb3-all-services-morning.csv', ['messaging', 'meetings', 'docs'], '2020-02-03T08:30:00+08:00', '2020-02-03T10:30:00+08:00', 'seconds'],
  ] as const)('%s is the scenario slice it claims to be', (name, services, from, to, timestamps) => {
    const text = read(name);
    expect(text).toBe(formatCsvTrace(feb3, { services: [...services], fromMs: Date.parse(from), toMs: Date.parse(to), timestamps }));
    const result = parseCsvTrace(text, name, services.length === 1 ? { service: services[0] } : {});
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { startMs, endMs } = scenarioBounds(result.value);
    expect([startMs, endMs]).toEqual([Date.parse(from), Date.parse(to)]);
    for (let t = startMs; t <= endMs; t += 60_000) {
      for (const s of services) expect(demandAt(result.value, s, t)).toBe(demandAt(feb3, s, t));
    }
  });
});
