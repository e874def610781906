/**
 * A corrected notice reaches everything the original reached: the status documents (with new
 * ETags), the feed (its entry's `updated`), webhooks, live push and the drill's report; the
 * audit log keeps both texts. Manual notices belong to the drill's snapshot and report.
 */
import { parseAtomFeed } from 'feedsmith';
import { io, type Socket } from 'socket.io-client';
import { describe, expect, vi } from 'vitest';
import type { Ack, ClientToServerEvents, Notice, ServerToClientEvents, Snapshot } from '../../server/contracts.js';
import type { AuditEntry } from '../../server/store/audit-log.js';
import { SURGE_WINDOW, test, type TestServer } from './fixtures.js';

const TEXT = {
  en: { title: 'Messages are delayed', body: 'We are adding servers; expect delays of a few seconds.' },
  'zh-CN': { title: '消息延迟', body: '正在扩容，消息可能延迟几秒。' },
};
const CORRECTED = {
  en: { title: 'Meetings are delayed', body: 'Joining a meeting may take up to a minute.' },
  'zh-CN': { title: '会议延迟', body: '加入会议可能需要一分钟。' },
};

async function postNotice(server: TestServer): Promise<Notice> {
  const res = await server.app.inject({ method: 'POST', url: '/api/v1/notices', headers: server.auth('operator'), payload: { service: 'messaging', stage: 'identified', text: TEXT } });
  expect(res.statusCode).toBe(201);
  return res.json<Notice>();
}

const correct = (server: TestServer, id: string) =>
  server.app.inject({ method: 'PATCH', url: `/api/v1/notices/${encodeURIComponent(id)}`, headers: server.auth('operator'), payload: { text: CORRECTED } });

describe('correcting a notice', () => {
  test('changes every status document and its ETag, the feed entry and its updated time', async ({ server }) => {
    await server.startDrill({ source: 'external', ...SURGE_WINDOW });
    const notice = await postNotice(server);
    const urls = ['/api/v2/summary.json', '/api/v2/incidents.json', '/api/v2/incidents/unresolved.json', `/api/v2/incidents/${encodeURIComponent(notice.incidentId)}.json`, '/history.atom', `/incidents/${encodeURIComponent(notice.incidentId)}`];
    const before = await Promise.all(urls.map((url) => server.app.inject({ url })));
    for (const res of before) expect(res.body).toContain(TEXT.en.body);

    const res = await correct(server, notice.id);
    expect(res.statusCode).toBe(200);
    expect(res.json<Notice>()).toEqual({ ...notice, text: CORRECTED });

    for (const [i, url] of urls.entries()) {
      const after = await server.app.inject({ url, headers: { 'if-none-match': before[i]!.headers.etag as string } });
      expect(after.statusCode, url).toBe(200);
      expect(after.headers.etag, url).not.toBe(before[i]!.headers.etag);
      expect(after.body, url).toContain(CORRECTED.en.body);
      expect(after.body, url).not.toContain(TEXT.en.body);
    }
    const stored = await server.store.notices.get(notice.id);
    const feed = parseAtomFeed((await server.app.inject({ url: '/history.atom' })).body);
    const entry = feed.entries?.find((e) => e.title?.value?.includes(CORRECTED.en.title));
    expect(entry?.updated).toBe(stored?.editedAt);
    expect(entry?.published).toBe(notice.t);
  });

  test('keeps the text before and after in the audit log', async ({ server }) => {
    const notice = await postNotice(server);
    await correct(server, notice.id);
    const audit = (await server.app.inject({ url: '/api/v1/audit', headers: server.auth('admin') })).json<{ entries: AuditEntry[] }>().entries;
    expect(audit[0]).toMatchObject({ action: 'notice.edit', target: notice.id, actor: { role: 'operator' }, detail: { before: TEXT, after: CORRECTED } });
  });

  test('sends an incident.updated webhook carrying the corrected text', async ({ server }) => {
    const sub = await server.app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: server.auth('admin'), payload: { url: 'https://hooks.example.net/hook', eventTypes: ['incident.updated'] } });
    expect(sub.statusCode).toBe(201);
    const notice = await postNotice(server);
    await correct(server, notice.id);
    const messages = await server.store.webhooks.listMessages({ limit: 10 });
    const bodies = messages.map((m) => m.payload as { incident: { id: string; incident_updates: { id: string; body: string; updated_at: string }[] } });
    const latest = bodies.find((b) => b.incident.incident_updates.some((u) => u.body === CORRECTED.en.body));
    expect(latest?.incident.id).toBe(notice.incidentId);
    expect(messages).toHaveLength(2);
  });

  test('pushes notice:updated to live clients; the drill snapshot and report hold the manual notice, corrected', async ({ server }) => {
    const url = await server.listen();
    const drill = await server.startDrill({ source: 'external', ...SURGE_WINDOW });
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      const updated: Notice[] = [];
      socket.on('notice:updated', (n) => updated.push(n));
      const ack = (await socket.timeout(5000).emitWithAck('subscribe', { services: '*' })) as Ack<Snapshot>;
      expect(ack.ok).toBe(true);
      const notice = await postNotice(server);
      await correct(server, notice.id);
      await vi.waitFor(() => expect(updated.map((n) => n.text)).toEqual([CORRECTED]), { timeout: 5000, interval: 20 });

      const again = (await socket.timeout(5000).emitWithAck('subscribe', { services: '*' })) as Ack<Snapshot>;
      expect(again.ok && again.value.notices.find((n) => n.id === notice.id)?.text).toEqual(CORRECTED);
      const report = await server.app.inject({ url: `/api/v1/drills/${drill.id}/report.json` });
      expect(report.json<{ notices: Notice[] }>().notices.find((n) => n.id === notice.id)?.text).toEqual(CORRECTED);
    } finally {
      socket.close();
    }
  });

  test('404 naming the id for a notice that does not exist', async ({ server }) => {
    const res = await correct(server, 'manual-nothere');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'notice.not-found', field: 'id' });
  });
});
