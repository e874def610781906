import { describe, expect, test } from 'vitest';
import type { SpSummary } from '../../../server/status/statuspage-schemas.js';
import { spComponent, spIncident, spUpdate } from '../test-support/statuspage-fixtures.js';
import { viewFromSummary } from './from-summary.js';

const page = { id: 'p1', name: 'Flashcrowd', url: 'http://localhost', time_zone: 'Asia/Shanghai', updated_at: '2020-02-03T01:30:00Z' };

const summary: SpSummary = {
  page,
  status: { indicator: 'minor', description: 'Partially Degraded Service' },
  components: [
    spComponent({ id: 'video', name: 'Video', status: 'operational', position: 2 }),
    spComponent({ id: 'chat', name: 'Chat', status: 'degraded_performance', position: 1 }),
    spComponent({ id: 'grp', name: 'All', status: 'operational', position: 0, group: true }),
  ],
  incidents: [
    spIncident({
      id: 'inc-1',
      name: 'Messages delayed',
      status: 'identified',
      impact: 'minor',
      created_at: '2020-02-03T01:00:00Z',
      updated_at: '2020-02-03T01:20:00Z',
      components: [spComponent({ id: 'chat', name: 'Chat' })],
      incident_updates: [
        spUpdate({
          id: 'u2',
          status: 'identified',
          body: 'We are adding servers.',
          created_at: '2020-02-03T01:20:00Z',
          cause: 'A surge of remote workers',
          expected_recovery_at: '2020-02-03T03:00:00Z',
          next_update_at: '2020-02-03T01:35:00Z',
          expected_delay_ms: 4000,
        }),
        spUpdate({ id: 'u1', status: 'investigating', body: 'Looking into it.', created_at: '2020-02-03T01:00:00Z' }),
      ],
    }),
    spIncident({ id: 'inc-0', name: 'Old incident', status: 'resolved', created_at: '2020-02-02T01:00:00Z', updated_at: '2020-02-02T02:00:00Z' }),
  ],
  scheduled_maintenances: [],
};

describe('status page from summary.json', () => {
  test('lists components in position order without groups, and the worst status wins overall', () => {
    const view = viewFromSummary(summary);
    expect(view.services).toEqual([
      { key: 'chat', name: 'Chat', status: 'degraded_performance' },
      { key: 'video', name: 'Video', status: 'operational' },
    ]);
    expect(view.overall).toBe('degraded');
    expect(view.timeZone).toBe('Asia/Shanghai');
  });

  test('an open incident shows its latest update with cause, delay, recovery and next update', () => {
    const [notice, ...rest] = viewFromSummary(summary).notices;
    expect(rest).toEqual([]);
    expect(notice).toEqual({
      id: 'inc-1',
      serviceNames: ['Chat'],
      stage: 'identified',
      title: 'Messages delayed',
      body: 'We are adding servers.',
      cause: 'A surge of remote workers',
      expectedDelayMs: 4000,
      expectedRecoveryAt: '2020-02-03T03:00:00Z',
      nextUpdateAt: '2020-02-03T01:35:00Z',
      precautionary: false,
      updatedAt: '2020-02-03T01:20:00Z',
    });
  });

  test('an answer from another server without our extras or with unknown statuses degrades gracefully', () => {
    const lean: unknown = {
      ...summary,
      components: [{ id: 'x', name: 'X', status: 'weird' }],
      incidents: [{ ...summary.incidents[0]!, components: undefined, incident_updates: [{ id: 'u', status: 'investigating', body: 'b', created_at: '2020-02-03T01:00:00Z', affected_components: [{ code: 'x', name: 'X' }] }] }],
    };
    const view = viewFromSummary(lean as SpSummary);
    expect(view.services[0]?.status).toBe('operational');
    expect(view.overall).toBe('ok');
    expect(view.notices[0]).toMatchObject({ serviceNames: ['X'], cause: null, expectedDelayMs: null, expectedRecoveryAt: null, precautionary: false });
  });
});
