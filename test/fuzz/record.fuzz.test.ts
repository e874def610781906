/**
 * Hostile input against the public record's routes: posting and correcting notices,
 * starting, stopping and scaling drills, and the status routes with odd ids. Never a 5xx,
 * every 4xx names what to change, and nothing already published is lost or altered except
 * by a correction that was accepted. FUZZ_SEED and FUZZ_SCALE replay or widen a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../server/contracts.js';
import { createTestServer, SURGE_WINDOW, type TestServer } from '../server/fixtures.js';

const seed = Number(process.env.FUZZ_SEED ?? 20200203);
const scale = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => ({ seed, numRuns: Math.max(1, Math.round(n * scale)) });

let server: TestServer;
/** what each accepted notice must still say: the model the store is checked against */
const published = new Map<string, Notice['text']>();

// a built dashboard, so a path that normalises to / or /status reaches a page rather than the "not built" 503
const dashboardDir = mkdtempSync(join(tmpdir(), 'flashcrowd-dashboard-'));
for (const page of ['index.html', 'status.html']) writeFileSync(join(dashboardDir, page), '<!doctype html><title>page</title>');

beforeAll(async () => {
  server = await createTestServer({ dashboardDir });
  await server.startDrill({ source: 'external', ...SURGE_WINDOW });
});
afterAll(async () => {
  await server.close();
  rmSync(dashboardDir, { recursive: true, force: true });
});

const PROTOTYPE = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'prototype', 'valueOf'];
const oddString = fc.oneof(
  fc.constantFrom(...PROTOTYPE, 'messaging', 'docs', '', ' ', '..', '%', '%00', '\u0000', '🚀', 'a'.repeat(300)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const oddNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, -1, 1e-7, 0.999, 1, 60, 750, 751, 1e308, -1e308, 2 ** 53, 10_000, 10_001),
  fc.integer(),
);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddString, oddNumber);
const text = fc.record({ title: fc.oneof(oddString, fc.constant('Title')), body: fc.oneof(oddString, fc.constant('Body')) });
const texts = fc.oneof(
  fc.record({ en: text, 'zh-CN': text }),
  fc.dictionary(oddString, anyJson, { maxKeys: 3 }),
  anyJson,
);
const validText = fc.record({ title: fc.string({ minLength: 1, maxLength: 30 }), body: fc.string({ minLength: 1, maxLength: 60 }) });
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

interface Answer {
  status: number;
  json: () => { error?: { code?: unknown; message?: unknown; field?: unknown } } & Partial<Notice>;
}

function expectSound(res: Answer, what: string): void {
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400 && res.status !== 414) {
    const { error } = res.json();
    expect(error?.code, what).toEqual(expect.any(String));
    expect(error?.message, what).toEqual(expect.any(String));
  }
}

const inject = async (opts: InjectOptions): Promise<Answer> => {
  const res = await server.app.inject(opts);
  return { status: res.statusCode, json: () => res.json() };
};
const asJson = (body: unknown) => ({ headers: { ...server.auth('operator'), 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });

async function expectNothingLost(): Promise<void> {
  for (const [id, text] of published) expect((await server.store.notices.get(id))?.notice.text, id).toEqual(text);
}

describe('notices under hostile input', () => {
  it('POST /api/v1/notices never answers 5xx; what it accepts is kept', async () => {
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
      runs(150),
    );
    expect(published.size).toBeGreaterThan(0);
    await expectNothingLost();
  });

  it('PATCH /api/v1/notices/:id never answers 5xx and changes only the notice it names', async () => {
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
      runs(150),
    );
    expect(corrected).toBeGreaterThan(0);
    await expectNothingLost();
  });
});

describe('drill routes under hostile input', () => {
  it('scale and stop with odd ids and bodies never answer 5xx', async () => {
    const running = server.drill().spec.id;
    await fc.assert(
      fc.asyncProperty(fc.oneof(oddString, fc.constant(running)), fc.oneof(fc.record({ service: oddString, desired: oddNumber }, { requiredKeys: [] }), anyJson), async (id, body) => {
        const url = `/api/v1/drills/${encodeURIComponent(id)}`;
        const scaled = await inject({ method: 'POST', url: `${url}/scale`, ...asJson(body) });
        expectSound(scaled, `scale ${id} ${JSON.stringify(body)}`);
        if (scaled.status === 202) expect(Object.hasOwn(server.plan.services, (body as { service: string }).service)).toBe(true);
        const other = id === running ? 'none' : id;
        expectSound(await inject({ method: 'POST', url: `/api/v1/drills/${encodeURIComponent(other)}/stop`, headers: server.auth('operator') }), `stop ${other}`);
        expectSound(await inject({ url: `/api/v1/drills/${encodeURIComponent(id)}/report.json` }), `report ${id}`);
      }),
      runs(100),
    );
  });

  it('starting with hostile bodies never answers 5xx, and a started drill has a speed within 1..10,000', async () => {
    const body = fc.oneof(
      fc.record({ scenario: fc.constant('feb3'), speed: oddNumber, from: fc.constant(SURGE_WINDOW.from), to: fc.constant(SURGE_WINDOW.to) }),
      fc.record({ scenario: fc.oneof(fc.constant('feb3'), oddString), speed: oddNumber, source: fc.oneof(fc.constantFrom('generated', 'external'), oddString), scale: oddNumber, from: oddString, to: oddString }, { requiredKeys: [] }),
      anyJson,
    );
    let started = 0;
    const running = server.app.drills.running();
    if (running && running.spec.scenarioName !== 'live') await server.app.drills.stop(running.spec.id, null);
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await inject({ method: 'POST', url: '/api/v1/drills', ...asJson(b) });
        expectSound(res, JSON.stringify(b));
        if (res.status === 201) {
          started++;
          const { speed } = res.json() as { speed: number };
          expect(speed >= 1 && speed <= 10_000).toBe(true);
        }
      }),
      runs(60),
    );
    expect(started).toBeGreaterThan(0);
    await server.app.drills.flush();
    await expectNothingLost();
  });
});

describe('status routes with odd ids and languages', () => {
  it('never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(oddString, oddString, async (id, lang) => {
        const q = `?lang=${encodeURIComponent(lang)}`;
        for (const url of [`/incidents/${encodeURIComponent(id)}${q}`, `/api/v2/incidents/${encodeURIComponent(id)}.json${q}`, `/api/v2/summary.json${q}`, `/history.atom${q}`]) {
          const res = await inject({ url, headers: { 'accept-language': lang.replace(/[^\t\x20-\x7e]/g, '') } });
          expect(res.status, url).toBeLessThan(500);
        }
      }),
      runs(100),
    );
  });
});
