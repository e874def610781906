/** Client-supplied names and numbers never reach prototype properties or overflow a timer. */
import { describe, expect } from 'vitest';
import { SURGE_WINDOW, test } from './fixtures.js';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'prototype'];
const TEXT = { en: { title: 't', body: 'b' }, 'zh-CN': { title: 't', body: 'b' } };

describe('service names from clients', () => {
  test.for(PROTOTYPE_NAMES)('POST /api/v1/notices for service %s answers 400 naming service', async (service, { server }) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/notices', headers: server.auth('operator'), payload: { service, stage: 'investigating', text: TEXT } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'notice.service', field: 'service' });
  });

  test.for(PROTOTYPE_NAMES)('POST /api/v1/drills/:id/scale for service %s answers 400 naming service', async (service, { server }) => {
    const drill = await server.startDrill({ ...SURGE_WINDOW });
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/scale`, headers: server.auth('operator'), payload: { service, desired: 3 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'drill.service', field: 'service' });
  });
});

describe('drill speed', () => {
  test.for([1e-7, 0.5, 0, -1, 10_001, 1e308])('%s is refused with 400 naming speed', async (speed, { server }) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/drills', headers: server.auth('operator'), payload: { scenario: 'feb3', speed, ...SURGE_WINDOW } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toMatch(/^(body\.)?speed$/);
    expect(server.app.drills.running()?.spec.scenarioName).toBe('live');
  });

  test.for([1, 60, 750])('%s is accepted and ticks no faster than the plan allows', async (speed, { server }) => {
    const drill = await server.startDrill({ speed, ...SURGE_WINDOW });
    expect(drill.speed).toBe(speed);
    const { wallTickMs } = server.drill().clock;
    expect(wallTickMs).toBeGreaterThanOrEqual(20);
    expect(wallTickMs).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});
