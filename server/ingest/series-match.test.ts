import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { LabelMatcher, Plan, ServicePlan } from '../core/plan/types.js';
import { matchSeries } from './series-match.js';

// matchSeries reads only a service's name and series.
const planWith = (matchers: LabelMatcher[]): Plan => ({
  name: 't',
  timezone: 'UTC',
  tickSeconds: 5,
  levels: ['normal'],
  services: {
    api: { name: 'api', series: [{ metric: 'http_requests_total', matchers, kind: 'counter', measures: 'rps' }] } as Partial<ServicePlan> as ServicePlan,
  },
});

const series = (labels: Record<string, string>) => ({
  labels: Object.entries({ __name__: 'http_requests_total', ...labels }).map(([name, value]) => ({ name, value })),
});

const matches = (matchers: LabelMatcher[], labels: Record<string, string>) => matchSeries(planWith(matchers), series(labels)).length === 1;

describe('matchSeries', () => {
  it.each([
    ['=', 'job', 'api', { job: 'api' }, true],
    ['=', 'job', 'api', { job: 'api2' }, false],
    ['!=', 'code', '500', { code: '200' }, true],
    ['!=', 'code', '500', { code: '500' }, false],
    ['=~', 'code', '2..', { code: '200' }, true],
    ['=~', 'code', '2..', { code: '2000' }, false],
    ['=~', 'code', '2..', { code: 'x200' }, false],
    ['!~', 'code', '5..', { code: '503' }, false],
    ['!~', 'code', '5..', { code: '1503' }, true],
    ['=', 'missing', '', {}, true],
    ['!=', 'missing', '', {}, false],
    ['=~', 'missing', '.*', {}, true],
    ['=~', 'code', '(', { code: '(' }, false],
  ] as const)('%s on %s %s against %o is %s', (op, label, value, labels, expected) => {
    expect(matches([{ label, op, value }], labels)).toBe(expected);
  });

  it('requires the metric name and every matcher', () => {
    const ms: LabelMatcher[] = [
      { label: 'job', op: '=', value: 'api' },
      { label: 'code', op: '=~', value: '2..' },
    ];
    expect(matches(ms, { job: 'api', code: '200' })).toBe(true);
    expect(matches(ms, { job: 'api', code: '500' })).toBe(false);
    expect(matchSeries(planWith([]), { labels: [{ name: '__name__', value: 'other_total' }] })).toEqual([]);
    expect(matchSeries(planWith([]), { labels: [] })).toEqual([]);
  });

  test.prop([fc.stringMatching(/^[a-z0-9]{0,8}$/), fc.stringMatching(/^[a-z0-9]{1,4}$/)])(
    'a regex matcher is anchored: a literal matches only the whole value',
    (value, extra) => {
      expect(matches([{ label: 'l', op: '=~', value }], { l: value })).toBe(true);
      expect(matches([{ label: 'l', op: '=~', value }], { l: value + extra })).toBe(false);
      expect(matches([{ label: 'l', op: '!~', value }], { l: extra + value })).toBe(true);
    },
  );
});
