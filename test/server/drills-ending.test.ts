/**
 * However a drill ends, the public record agrees with itself: status.json, summary.json,
 * incidents.json and unresolved.json say the same thing, and every incident the drill
 * opened is resolved with an update that says why, in both languages.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../server/contracts.js';
import { buildApp } from '../../server/http/app.js';
import { DEFAULT_PLAN_PATH, loadDefaultPlan } from '../../server/plan-file.js';
import { openSqliteStore } from '../../server/store/open-sqlite-store.js';
import type { Store } from '../../server/store/store.js';
import { createToken } from '../../server/auth/tokens.js';
import { SURGE_WINDOW, test, testClock, tickUntil } from './fixtures.js';

interface Incident { id: string; status: string; resolved_at: string | null; incident_updates: { status: string; body: string }[] }

async function documents(app: FastifyInstance, lang = 'en') {
  const get = async <T>(url: string): Promise<T> => (await app.inject({ url: `${url}?lang=${lang}` })).json<T>();
  return {
    status: await get<{ status: { indicator: string } }>('/api/v2/status.json'),
    summary: await get<{ status: { indicator: string }; components: { status: string }[]; incidents: Incident[] }>('/api/v2/summary.json'),
    incidents: (await get<{ incidents: Incident[] }>('/api/v2/incidents.json')).incidents,
    unresolved: (await get<{ incidents: Incident[] }>('/api/v2/incidents/unresolved.json')).incidents,
  };
}

const openIds = async (app: FastifyInstance): Promise<string[]> => (await documents(app)).unresolved.map((i) => i.id);

/** Everything reads as over: operational, nothing unresolved, and each incident left open closed by a last update saying `why`. */
async function expectAllResolved(app: FastifyInstance, wereOpen: string[], why: { en: string; 'zh-CN': string }): Promise<void> {
  expect(wereOpen.length).toBeGreaterThan(0);
  for (const lang of ['en', 'zh-CN'] as const) {
    const d = await documents(app, lang);
    expect(d.status.status.indicator).toBe('none');
    expect(d.summary.status.indicator).toBe('none');
    expect(d.summary.components.every((c) => c.status === 'operational')).toBe(true);
    expect(d.summary.incidents).toEqual([]);
    expect(d.unresolved).toEqual([]);
    expect(d.incidents.length).toBeGreaterThan(0);
    for (const incident of d.incidents) {
      expect(incident.status).toBe('resolved');
      expect(incident.resolved_at).toEqual(expect.any(String));
      expect(incident.incident_updates[0]?.status).toBe('resolved');
    }
    for (const id of wereOpen) {
      const incident = d.incidents.find((i) => i.id === id);
      expect(incident?.incident_updates[0]?.body).toContain(why[lang]);
    }
  }
}

describe('stopping a drill', () => {
  test('resolves its open incidents, engine and manual, so every status document agrees', async ({ server }) => {
    const drill = await server.startDrill({ speed: 600, ...SURGE_WINDOW });
    const runner = server.drill();
    tickUntil(runner, () => runner.latestTick('messaging')?.level === 'critical');
    const manual = await server.app.inject({
      method: 'POST',
      url: '/api/v1/notices',
      headers: server.auth('operator'),
      payload: { service: 'docs', stage: 'investigating', text: { en: { title: 'Docs slow', body: 'Saving is slow.' }, 'zh-CN': { title: '文档变慢', body: '保存较慢。' } } },
    });
    expect(manual.statusCode).toBe(201);
    await server.app.drills.flush();
    const wereOpen = await openIds(server.app);
    expect(wereOpen).toContain(manual.json<Notice>().incidentId);

    expect((await server.app.inject({ method: 'POST', url: `/api/v1/drills/${drill.id}/stop`, headers: server.auth('operator') })).statusCode).toBe(200);
    await expectAllResolved(server.app, wereOpen, { en: 'The drill was stopped', 'zh-CN': '演练已停止' });

    const report = (await server.app.inject({ url: `/api/v1/drills/${drill.id}/report.json` })).json<{ notices: Notice[] }>();
    const closing = report.notices.filter((n) => n.stage === 'resolved' && n.text.en.title === 'Drill stopped');
    expect(closing.map((n) => n.incidentId)).toContain(manual.json<Notice>().incidentId);
  });
});

describe('a drill cut off by a shutdown', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  async function appOn(store: Store): Promise<FastifyInstance> {
    const plan = await loadDefaultPlan();
    if (!plan.ok) throw new Error('the default plan does not load');
    const app = await buildApp({ plan: plan.value, planText: await readFile(DEFAULT_PLAN_PATH, 'utf8'), store, clock: testClock(), webhooks: { enabled: false } });
    await app.ready();
    return app;
  }

  async function surgingDrill(store: Store): Promise<{ app: FastifyInstance; wereOpen: string[] }> {
    const app = await appOn(store);
    const token = (await createToken(store, 'operator', 'test', 0)).token;
    const res = await app.inject({ method: 'POST', url: '/api/v1/drills', headers: { authorization: `Bearer ${token}` }, payload: { scenario: 'feb3', speed: 600, ...SURGE_WINDOW } });
    expect(res.statusCode).toBe(201);
    const runner = app.drills.running()!;
    tickUntil(runner, () => runner.latestTick('messaging')?.level === 'critical');
    await app.drills.flush();
    return { app, wereOpen: await openIds(app) };
  }

  it('a crash: the next start marks the drill interrupted and resolves its incidents', async () => {
    const store = await openSqliteStore(':memory:');
    cleanup.push(() => store.close());
    const crashed = await surgingDrill(store);
    // the crashed process never closes before the next one starts on the same database
    const restarted = await appOn(store);
    cleanup.push(() => crashed.app.close(), () => restarted.close());
    await expectAllResolved(restarted, crashed.wereOpen, { en: 'The drill was interrupted', 'zh-CN': '演练中断' });
  });

  it('a clean shutdown: the drill is interrupted, its incidents resolved before the process ends', async () => {
    const store = await openSqliteStore(':memory:');
    cleanup.push(() => store.close());
    const first = await surgingDrill(store);
    await first.app.close();
    const restarted = await appOn(store);
    cleanup.push(() => restarted.close());
    await expectAllResolved(restarted, first.wereOpen, { en: 'The drill was interrupted', 'zh-CN': '演练中断' });
  });
});
