/**
 * A component's status on the status API says what its users get: while the latest notice of
 * its open incident says users are fine ("monitoring", or a precaution), it is operational
 * whatever the level, and webhook subscribers hear the change with the notice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../server/contracts.js';
import { createTestServer, SURGE_WINDOW, tickUntil, type TestServer } from './fixtures.js';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const usersFine = (n: Notice): boolean => n.stage === 'monitoring' || n.precautionary === true;

describe('component status', () => {
  it('reads operational under a notice saying users are fine, while the level is still an incident level', async () => {
    const server = await createTestServer();
    servers.push(server);
    const sub = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: server.auth('admin'), payload: { url: 'https://hooks.example.net/hook', eventTypes: ['component.updated'] } });
    expect(sub.statusCode).toBe(201);
    const plan = (await server.app.inject({ url: '/api/v1/plan', headers: server.auth('admin') })).json<{ services: { name: string; statusByLevel: Record<string, string> }[] }>();
    const byLevel = (service: string, level: string | undefined): string | undefined => plan.services.find((s) => s.name === service)?.statusByLevel[level ?? 'normal'];
    await server.startDrill({ speed: 600, ...SURGE_WINDOW });
    const runner = server.drill();
    const latestOf = (service: string): Notice | undefined => runner.recentNoticeList().filter((n) => n.service === service).at(-1);
    let fine: Notice | undefined;
    tickUntil(runner, () => {
      fine = runner.recentNoticeList().find((n) => usersFine(n) && latestOf(n.service) === n && byLevel(n.service, runner.latestTick(n.service)?.level) !== 'operational');
      return fine !== undefined;
    });
    await server.app.drills.flush();
    const notice = fine!;
    const level = runner.latestTick(notice.service)!.level;
    expect(byLevel(notice.service, level)).not.toBe('operational');

    const summary = (await server.app.inject({ url: '/api/v2/summary.json' })).json<{ components: { id: string; status: string }[]; status: { indicator: string } }>();
    expect(summary.components.find((c) => c.id === notice.service)?.status, `${notice.service} at level ${level} under ${notice.stage}`).toBe('operational');
    const update = (await server.app.inject({ url: '/api/v2/incidents/unresolved.json' }))
      .json<{ incidents: { id: string; incident_updates: { id: string; affected_components: { new_status: string }[] }[] }[] }>()
      .incidents.find((i) => i.id === notice.incidentId)
      ?.incident_updates.find((u) => u.id === notice.id);
    expect(update?.affected_components[0]?.new_status).toBe('operational');

    const messages = await server.store.webhooks.listMessages({ limit: 1000 });
    const heard = messages
      .map((m) => m.payload as { component?: { id: string; status: string }; component_update?: { created_at: string } })
      .filter((p) => p.component?.id === notice.service)
      .at(-1);
    expect(heard?.component?.status).toBe('operational');
  });

  it("follows an operator's notice as it follows the engine's: monitoring reads operational, a later held-up stage reads the level again", async () => {
    const server = await createTestServer();
    servers.push(server);
    const plan = (await server.app.inject({ url: '/api/v1/plan', headers: server.auth('admin') })).json<{ services: { name: string; statusByLevel: Record<string, string> }[] }>();
    await server.startDrill({ speed: 600, ...SURGE_WINDOW });
    const runner = server.drill();
    const heldUp = (service: string): boolean => {
      const byLevel = plan.services.find((p) => p.name === service)?.statusByLevel ?? {};
      const latest = runner.recentNoticeList().filter((n) => n.service === service).at(-1);
      return byLevel[runner.latestTick(service)?.level ?? 'normal'] !== 'operational' && latest !== undefined && !usersFine(latest);
    };
    let service = '';
    tickUntil(runner, () => {
      service = plan.services.map((p) => p.name).find(heldUp) ?? '';
      return service !== '';
    });
    await server.app.drills.flush();
    const text = { en: { title: 'Slow', body: 'x' }, 'zh-CN': { title: '慢', body: 'x' } };
    const incidentId = runner.recentNoticeList().filter((n) => n.service === service).at(-1)!.incidentId;
    const post = async (stage: string) => {
      // an operator's notices take the drill's time: one tick apart, so they read in the order posted
      runner.tick();
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/notices', headers: server.auth('operator'), payload: { service, stage, text, incidentId } });
      expect(res.statusCode).toBe(201);
      await server.app.drills.flush();
    };
    const status = async () =>
      (await server.app.inject({ url: '/api/v2/summary.json' })).json<{ components: { id: string; status: string }[] }>().components.find((c) => c.id === service)?.status;
    const held = await status();
    expect(held, service).not.toBe('operational');
    await post('monitoring');
    expect(await status()).toBe('operational');
    await post('identified');
    expect(await status()).toBe(held);
  });
});
