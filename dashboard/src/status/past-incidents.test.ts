import { describe, expect, test } from 'vitest';
import type { SpIncident } from '../../../server/status/statuspage-schemas.js';
import { spIncident, spUpdate } from '../test-support/statuspage-fixtures.js';
import { historyDays } from './past-incidents.js';

function incident(id: string, createdAt: string, status: SpIncident['status'] = 'resolved'): SpIncident {
  return spIncident({ id, name: `incident ${id}`, status, created_at: createdAt, incident_updates: [spUpdate({ id: `${id}-1`, status, body: `body ${id}`, created_at: createdAt })] });
}

describe('past incidents grouped by day', () => {
  test('resolved incidents only, by day in the page zone, newest day first, empty days kept', () => {
    const days = historyDays(
      [incident('a', '2020-02-03T01:00:00Z'), incident('b', '2020-02-02T17:00:00Z'), incident('c', '2020-02-01T03:00:00Z'), incident('open', '2020-02-03T02:00:00Z', 'identified')],
      'Asia/Shanghai',
      4,
    );
    expect(days.map((d) => [d.day, d.incidents.map((i) => i.id)])).toEqual([
      ['2020-02-03', ['a', 'b']],
      ['2020-02-02', []],
      ['2020-02-01', ['c']],
      ['2020-01-31', []],
    ]);
    expect(days[0]?.incidents[0]?.body).toBe('body a');
  });

  test('no resolved incident, no history', () => {
    expect(historyDays([incident('open', '2020-02-03T02:00:00Z', 'monitoring')], 'UTC')).toEqual([]);
  });
});
