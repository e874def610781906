/**
 * Hostile input against posting and correcting notices: never a 5xx, every 4xx names what to
 * change, and nothing already published is lost or altered except by an accepted correction.
 * FUZZ_SEED and FUZZ_SCALE replay or widen a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../server/contracts.js';
import { createTestServer, SURGE_WINDOW, type TestServer } from '../server/fixtures.js';
import { anyJson, expectSound, oddNumber, oddString, PROTOTYPE, requester, texts, validText } from './record-fuzz-kit.js';
import { cases, FUZZ_TIMEOUT_MS } from './fuzz-run.js';

let server: TestServer;
const { inject, asJson } = requester(() => server);
/** what each accepted notice must still say: the model the store is checked against */
const published = new Map<string, Notice['text']>();

beforeAll(async () => {
  server = await createTestServer();
  await server.startDrill({ source: 'external', ...SURGE_WINDOW });
});
afterAll(async () => server.close());

const noticeBody = fc.oneof(
  fc.record({
    service: fc.constantFrom('messaging', 'meetings', 'docs', ...PROTOTYPE),
    stage: fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved'),
    text: fc.record({ en: validText, 'zh-CN': validText }),
  }),
  fc.record(
    {
      service: fc.oneof(oddString, fc.constantFrom('messaging', 'meetings', 'docs')),
      stage: fc.oneof(fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved'), oddString),
      text: texts,
      incidentId: oddString,
      expectedRecoveryAt: fc.oneof(oddString, fc.constant('2020-02-03T02:00:00Z')),
      nextUpdateAt: fc.oneof(oddString, oddNumber),
    },
    { requiredKeys: [] },
  ),
  anyJson,
);

async function expectNothingLost(): Promise<void> {
  for (const [id, text] of published) expect((await server.store.notices.get(id))?.notice.text, id).toEqual(text);
}

describe('notices under hostile input', () => {
  it('POST /api/v1/notices never answers 5xx; what it accepts is kept', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    await fc.assert(
      fc.asyncProperty(noticeBody, async (body) => {
        const res = await inject({ method: 'POST', url: '/api/v1/notices', ...asJson(body) });
        expectSound(res, JSON.stringify(body));
        if (res.status === 201) {
          const notice = res.json() as Notice;
          published.set(notice.id, notice.text);
          expect(Number.isFinite(notice.multiple) && Number.isFinite(notice.expectedDelayMs)).toBe(true);
        } else {
          expect(res.status).toBe(400);
        }
      }),
      cases(),
    );
    expect(published.size).toBeGreaterThan(0);
    await expectNothingLost();
  });

  it('PATCH /api/v1/notices/:id never answers 5xx and changes only the notice it names', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const known = [...published.keys()];
    let corrected = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(oddString, fc.constantFrom(...known, 'manual-none')), fc.oneof(fc.record({ text: fc.record({ en: validText, 'zh-CN': validText }) }), fc.record({ text: texts }), anyJson), async (id, body) => {
        const res = await inject({ method: 'PATCH', url: `/api/v1/notices/${encodeURIComponent(id)}`, ...asJson(body) });
        expectSound(res, `${id} ${JSON.stringify(body)}`);
        if (res.status === 200) {
          corrected++;
          expect(published.has(id)).toBe(true);
          published.set(id, (body as { text: Notice['text'] }).text);
        }
      }),
      cases(),
    );
    expect(corrected).toBeGreaterThan(0);
    await expectNothingLost();
  });
});
