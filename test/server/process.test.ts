import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DrillDto, EngineEvent, Notice } from '../../server/contracts.js';
import { openSqliteStore } from '../../server/store/open-sqlite-store.js';
import type { AuditEntry } from '../../server/store/audit-log.js';
import { ensureStopped, startChildServer, type ChildServer } from './child-server.js';

const ADMIN = `fc_admin_${'restart-test-'.repeat(3)}`;
// long enough to be still running when the test kills it: 800 ticks of 20 ms
const LONG_DRILL = { scenario: 'feb3', source: 'generated', speed: 750, from: '2020-02-03T08:40:00+08:00', to: '2020-02-03T12:00:00+08:00' };
const TEXT = { en: { title: 'Messages are delayed', body: 'We are adding servers.' }, 'zh-CN': { title: '消息延迟', body: '正在扩容。' } };
const WAIT = { timeout: 20_000, interval: 100 };

const servers: ChildServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await ensureStopped(s);
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<ChildServer> {
  const server = await startChildServer(dataDir, ADMIN);
  servers.push(server);
  return server;
}

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'flashcrowd-process-'));
  dirs.push(dir);
  return dir;
}

describe('the real process', () => {
  it('after kill -9 and a restart on the same data folder, everything acknowledged is still there and the drill is interrupted', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    const token = await first.call('/api/v1/tokens', { method: 'POST', token: ADMIN, body: { role: 'operator', name: 'night shift' } });
    expect(token.status).toBe(201);
    const operator: string = token.body.token;
    const hook = await first.call('/api/v1/webhooks', { method: 'POST', token: ADMIN, body: { url: 'http://127.0.0.1:9/hook', eventTypes: ['incident.updated'] } });
    expect(hook.status).toBe(201);
    const started = await first.call('/api/v1/drills', { method: 'POST', token: operator, body: LONG_DRILL });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const drillId: string = started.body.id;

    let engineNotices: Notice[] = [];
    await vi.waitFor(async () => {
      engineNotices = (await first.call(`/api/v1/drills/${drillId}/notices`)).body.notices;
      expect(engineNotices.length).toBeGreaterThan(0);
    }, WAIT);
    const posted = await first.call('/api/v1/notices', { method: 'POST', token: operator, body: { service: 'messaging', stage: 'identified', text: TEXT } });
    expect(posted.status).toBe(201);
    const incidentId = engineNotices[0]!.incidentId;
    expect((await first.call(`/api/v1/incidents/${encodeURIComponent(incidentId)}/acknowledge`, { method: 'POST', token: operator })).status).toBe(201);
    const before = {
      notices: ((await first.call(`/api/v1/drills/${drillId}/notices`)).body.notices as Notice[]).map((n) => n.id),
      events: ((await first.call(`/api/v1/drills/${drillId}/events?limit=10000`)).body.events as EngineEvent[]).length,
    };
    expect((await first.call(`/api/v1/drills/${drillId}`)).body.status).toBe('running');

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = await start(dir);
    const drill: DrillDto = (await second.call(`/api/v1/drills/${drillId}`)).body;
    expect(drill).toMatchObject({ id: drillId, status: 'interrupted', endedAt: expect.any(String) });
    expect((await second.call('/api/v1/drills?status=running')).body.drills.map((d: DrillDto) => d.id)).not.toContain(drillId);

    const notices = ((await second.call(`/api/v1/drills/${drillId}/notices`)).body.notices as Notice[]).map((n) => n.id);
    expect(notices).toEqual(expect.arrayContaining([...before.notices, posted.body.id]));
    const events = (await second.call(`/api/v1/drills/${drillId}/events?limit=10000`)).body.events as EngineEvent[];
    expect(events.length).toBeGreaterThanOrEqual(before.events);
    const incidents = (await second.call('/api/v2/incidents.json')).body.incidents as { id: string }[];
    expect(incidents.map((i) => i.id)).toContain(incidentId);

    // the operator token still works: refused as not running, not as unknown
    expect((await second.call(`/api/v1/drills/${drillId}/stop`, { method: 'POST', token: operator })).status).toBe(409);
    expect((await second.call('/api/v1/webhooks', { token: ADMIN })).body.webhooks.map((w: { id: string }) => w.id)).toContain(hook.body.id);
    const audit = (await second.call('/api/v1/audit', { token: ADMIN })).body.entries as AuditEntry[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['token.create', 'webhook.subscribe', 'drill.start', 'notice.post', 'incident.acknowledge']));
    expect(audit.find((e) => e.action === 'incident.acknowledge')).toMatchObject({ target: incidentId, actor: { tokenId: token.body.tokenId, role: 'operator' } });
  });

  it('SIGTERM exits 0 and marks the running drill interrupted on the way out', async () => {
    const dir = await dataDir();
    const server = await start(dir);
    const started = await server.call('/api/v1/drills', { method: 'POST', token: ADMIN, body: LONG_DRILL });
    expect(started.status).toBe(201);
    await vi.waitFor(async () => {
      expect((await server.call(`/api/v1/drills/${started.body.id}`)).body.scenarioNow).not.toBe(started.body.scenarioNow);
    }, WAIT);

    server.child.kill('SIGTERM');
    expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });

    // read the database as the process left it, before any restart could mark anything
    const store = await openSqliteStore(join(dir, 'flashcrowd.db'));
    try {
      expect(await store.drills.get(started.body.id)).toMatchObject({ status: 'interrupted', endedAt: expect.any(String) });
    } finally {
      await store.close();
    }
  });
});
