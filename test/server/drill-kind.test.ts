/**
 * The live session is told apart by its kind, not its name; what the API and the store show
 * of it is unchanged (scenario "live", open-ended, fed by external metrics).
 */
import { describe, expect } from 'vitest';
import type { DrillDto } from '../../server/contracts.js';
import { SURGE_WINDOW, test } from './fixtures.js';

describe('drill kind', () => {
  test('between drills the live session runs as kind live, listed as it always was', async ({ server }) => {
    const live = server.app.drills.running()!;
    expect(live.spec.kind).toBe('live');
    const listed = (await server.app.inject({ url: '/api/v1/drills' })).json<{ drills: DrillDto[] }>().drills;
    expect(listed).toEqual([expect.objectContaining({ id: live.spec.id, scenario: 'live', source: 'external', status: 'running', scenarioEnd: null, startedAt: '2026-03-02T09:00:00.000Z' })]);
    expect((await server.app.inject({ url: '/metrics' })).body).toContain('flashcrowd_drill_running 0');
  });

  test('a started drill is kind drill and replaces the live session; stopping it brings the live session back', async ({ server }) => {
    const drill = await server.startDrill(SURGE_WINDOW);
    expect(server.drill().spec.kind).toBe('drill');
    expect((await server.app.inject({ url: '/metrics' })).body).toContain('flashcrowd_drill_running 1');
    const again = await server.app.inject({ method: 'POST', url: '/api/v1/drills', headers: server.auth('operator'), payload: { scenario: 'feb3', speed: 60, source: 'generated' } });
    expect(again.statusCode).toBe(409);
    await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/stop`, headers: server.auth('operator') });
    expect(server.app.drills.running()?.spec.kind).toBe('live');
    expect(() => server.drill()).toThrow(/no drill is running/);
  });
});
