import { describe, expect } from 'vitest';
import type { Notice } from '../../server/contracts.js';
import type { AuditEntry } from '../../server/store/audit-log.js';
import { SURGE_WINDOW, test } from './fixtures.js';

const TEXT = {
  en: { title: 'Messages are delayed', body: 'We are adding servers; expect delays of a few seconds.' },
  'zh-CN': { title: '消息延迟', body: '正在扩容，消息可能延迟几秒。' },
};

const post = (payload: object) => ({ method: 'POST' as const, url: '/api/v1/notices', payload });

describe('POST /api/v1/notices', () => {
  test('publishes an operator notice with the cause it is given and the drill\'s latest delay, stored, audited and in the status API', async ({ server }) => {
    const drill = await server.startDrill({ source: 'external', speed: 60, ...SURGE_WINDOW });
    await server.app.inject({ url: '/t/messaging/x', headers: { 'x-flashcrowd-weight': '20000', ...server.auth('ingest') } });
    server.drill().tick();
    const cause = { en: 'a failed database switch-over', 'zh-CN': '数据库切换失败' };
    const res = await server.app.inject({ ...post({ service: 'messaging', stage: 'investigating', text: TEXT, cause, nextUpdateAt: '2020-02-03T01:00:00Z' }), headers: server.auth('operator') });
    expect(res.statusCode).toBe(201);
    const notice = res.json<Notice>();
    expect(notice).toMatchObject({
      service: 'messaging',
      stage: 'investigating',
      t: '2020-02-03T00:00:15.000Z',
      cause,
      nextUpdateAt: '2020-02-03T01:00:00Z',
      text: TEXT,
    });
    expect(notice.expectedDelayMs).toBeGreaterThan(0);
    expect((await server.store.notices.get(notice.id))?.drillId).toBe(drill.id);
    const listed = (await server.app.inject({ url: `/api/v1/drills/${drill.id}/notices` })).json<{ notices: Notice[] }>().notices;
    expect(listed.map((n) => n.id)).toContain(notice.id);
    const incidents = (await server.app.inject({ url: '/api/v2/incidents/unresolved.json' })).json<{ incidents: { id: string; name: string }[] }>().incidents;
    expect(incidents).toContainEqual(expect.objectContaining({ id: notice.incidentId, name: TEXT.en.title }));
    const audit = (await server.app.inject({ url: '/api/v1/audit', headers: server.auth('admin') })).json<{ entries: AuditEntry[] }>().entries;
    expect(audit[0]).toMatchObject({ action: 'notice.post', target: notice.id, actor: { role: 'operator' } });
  });

  test('between drills a notice carries only what the operator wrote: no scenario cause, no engine delay or recovery', async ({ server }) => {
    const bare = await server.app.inject({ ...post({ service: 'messaging', stage: 'investigating', text: TEXT }), headers: server.auth('operator') });
    expect(bare.statusCode).toBe(201);
    expect(bare.json<Notice>()).toMatchObject({ cause: { en: '', 'zh-CN': '' }, expectedDelayMs: 0, expectedRecoveryAt: null });
    const given = await server.app.inject({
      ...post({ service: 'docs', stage: 'identified', text: TEXT, cause: { en: 'a storage fault', 'zh-CN': '存储故障' }, expectedDelayMs: 30_000, expectedRecoveryAt: '2026-12-01T12:00:00Z' }),
      headers: server.auth('operator'),
    });
    expect(given.json<Notice>()).toMatchObject({ cause: { en: 'a storage fault' }, expectedDelayMs: 30_000, expectedRecoveryAt: '2026-12-01T12:00:00Z' });
    const feed = (await server.app.inject({ url: '/history.atom' })).body;
    expect(feed).toContain('a storage fault');
  });

  test.for([
    [{ service: 'mail', stage: 'investigating', text: TEXT }, 'service'],
    [{ service: 'docs', stage: 'panicking', text: TEXT }, 'body.stage'],
    [{ service: 'docs', stage: 'identified', text: { en: TEXT.en } }, 'body.text.zh-CN'],
    [{ service: 'docs', stage: 'identified', text: { ...TEXT, en: { title: '', body: 'x' } } }, 'body.text.en.title'],
    [{ service: 'docs', stage: 'identified', text: TEXT, expectedRecoveryAt: 'soon' }, 'body.expectedRecoveryAt'],
    [{ service: 'docs', stage: 'identified', text: TEXT, mood: 'calm' }, 'body.mood'],
  ] as const)('refuses %j with 400 naming %s', async ([payload, field], { server }) => {
    const res = await server.app.inject({ ...post(payload), headers: server.auth('operator') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });
});

describe('PATCH /api/v1/notices/:id', () => {
  test('replaces the text of a notice and records who edited it', async ({ server }) => {
    const created = (await server.app.inject({ ...post({ service: 'docs', stage: 'monitoring', text: TEXT }), headers: server.auth('operator') })).json<Notice>();
    const corrected = { ...TEXT, en: { title: 'Documents are slow to save', body: 'Saving may take a few seconds.' } };
    const res = await server.app.inject({ method: 'PATCH', url: `/api/v1/notices/${created.id}`, headers: server.auth('operator'), payload: { text: corrected } });
    expect(res.statusCode).toBe(200);
    expect(res.json<Notice>()).toEqual({ ...created, text: corrected });
    const stored = await server.store.notices.get(created.id);
    expect(stored?.notice.text).toEqual(corrected);
    expect(stored?.editedAt).toEqual(expect.any(String));
    const audit = (await server.app.inject({ url: '/api/v1/audit', headers: server.auth('admin') })).json<{ entries: AuditEntry[] }>().entries;
    expect(audit[0]).toMatchObject({ action: 'notice.edit', target: created.id });
  });

  test('404 for an unknown notice; 400 naming the field for a bad text', async ({ server }) => {
    const missing = await server.app.inject({ method: 'PATCH', url: '/api/v1/notices/n-nothere', headers: server.auth('operator'), payload: { text: TEXT } });
    expect(missing.statusCode).toBe(404);
    const bad = await server.app.inject({ method: 'PATCH', url: '/api/v1/notices/n-nothere', headers: server.auth('operator'), payload: { text: { en: TEXT.en, 'zh-CN': { title: 'x' } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.text.zh-CN.body');
  });
});

describe('POST /api/v1/incidents/:id/acknowledge', () => {
  test('acknowledges an incident, stored with who and when; 404 for an unknown one', async ({ server }) => {
    const created = (await server.app.inject({ ...post({ service: 'meetings', stage: 'investigating', text: TEXT }), headers: server.auth('operator') })).json<Notice>();
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/incidents/${encodeURIComponent(created.incidentId)}/acknowledge`, headers: server.auth('operator') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ incidentId: created.incidentId, by: expect.stringMatching(/^token tok_/), at: expect.any(String) });
    expect(await server.store.incidents.acknowledgements(created.incidentId)).toHaveLength(1);
    const missing = await server.app.inject({ method: 'POST', url: '/api/v1/incidents/inc-nothere/acknowledge', headers: server.auth('operator') });
    expect(missing.statusCode).toBe(404);
  });
});
