/** Test helpers: a store in memory or in a temporary file, and sample rows. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from './open-sqlite-store.js';
import type { Store } from './store.js';
import type { DrillRecord } from './drills.js';
import type { Notice } from '../core/engine/types.js';

export type StoreKind = 'memory' | 'file';
export const STORE_KINDS: readonly StoreKind[] = ['memory', 'file'];

export interface TestStore {
  store: Store;
  file: string;
  /** close and open the same database again (a fresh in-memory one for 'memory') */
  reopen(): Promise<Store>;
  dispose(): Promise<void>;
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  const dir = kind === 'file' ? mkdtempSync(join(tmpdir(), 'flashcrowd-store-')) : null;
  const file = dir ? join(dir, 'flashcrowd.sqlite') : ':memory:';
  let current = await openSqliteStore(file);
  const handle: TestStore = {
    file,
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await openSqliteStore(file);
      return current;
    },
    async dispose() {
      await current.close().catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

export function sampleDrill(overrides: Partial<DrillRecord> = {}): DrillRecord {
  return {
    id: 'drill-1',
    status: 'running',
    scenario: 'feb3',
    policy: 'step',
    speed: 60,
    source: 'generated',
    startedAt: '2026-02-03T01:00:00.000Z',
    endedAt: null,
    scenarioStart: '2020-02-03T08:00:00+08:00',
    scenarioNow: '2020-02-03T08:00:00+08:00',
    scenarioEnd: '2020-02-03T12:00:00+08:00',
    timezone: 'Asia/Shanghai',
    planName: 'default',
    config: { seed: 7, services: ['messaging'] },
    ...overrides,
  };
}

export function sampleNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: 'notice-1',
    incidentId: 'inc-1',
    t: '2026-02-03T01:05:00.000Z',
    service: 'messaging',
    level: 'surge',
    stage: 'investigating',
    cause: { en: 'a traffic surge', 'zh-CN': '流量激增' },
    multiple: 6,
    expectedDelayMs: 4000,
    expectedRecoveryAt: '2026-02-03T02:00:00.000Z',
    nextUpdateAt: '2026-02-03T01:35:00.000Z',
    text: {
      en: { title: 'Messages are delayed', body: 'Traffic is 6x normal.' },
      'zh-CN': { title: '消息延迟', body: '流量为平时的 6 倍。' },
    },
    ...overrides,
  };
}
